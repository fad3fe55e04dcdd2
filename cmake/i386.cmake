# i386 on an x86-64 Debian host: the native compilers with -m32 (g++-12-multilib).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR i686)
set(CMAKE_LIBRARY_ARCHITECTURE i386-linux-gnu)
set(CMAKE_C_FLAGS_INIT "-m32")
set(CMAKE_CXX_FLAGS_INIT "-m32")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-m32")
# i386 programs run natively: no emulator.
set(CMAKE_CROSSCOMPILING_EMULATOR "")
