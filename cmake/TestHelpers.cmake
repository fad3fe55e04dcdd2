# rawsys_compile_fail_test(name message [ERRORS n] [FORBID regex...] [FLAGS flag...]):
# tests/compile_fail/<name>.cpp must fail to compile with exactly n errors
# (default 1), one of them matching message, and nothing matching a FORBID
# regex (tests/compile_fail/check.py).
function(rawsys_compile_fail_test name message)
  cmake_parse_arguments(arg "" "ERRORS" "FORBID;FLAGS" ${ARGN})
  if(NOT DEFINED arg_ERRORS)
    set(arg_ERRORS 1)
  endif()
  set(src ${CMAKE_CURRENT_SOURCE_DIR}/compile_fail/${name}.cpp)
  separate_arguments(flags UNIX_COMMAND "${CMAKE_CXX_FLAGS}")
  if(CMAKE_CXX_COMPILER_TARGET)  # Clang cross builds: the target is not in the flags
    list(APPEND flags --target=${CMAKE_CXX_COMPILER_TARGET})
  endif()
  if(NOT RAWSYS_HOSTED_LINKS)  # no C++ library for the target: as a no-libc program
    list(APPEND flags -ffreestanding -fno-exceptions)
  endif()
  set(forbid)
  foreach(f IN LISTS arg_FORBID)
    list(APPEND forbid --forbid ${f})
  endforeach()
  add_test(NAME "${RAWSYS_TEST_PREFIX}compile-fail: ${name}"
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/compile_fail/check.py
                   --expect ${message} --errors ${arg_ERRORS} ${forbid} --
                   ${CMAKE_CXX_COMPILER} ${flags} -std=c++20 -fsyntax-only ${arg_FLAGS}
                   -I${CMAKE_CURRENT_SOURCE_DIR}/../include ${src})
endfunction()
