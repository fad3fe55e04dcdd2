# rawsys_compile_fail_test(name message): tests/compile_fail/<name>.cpp must
# fail to compile, and the compiler's output must contain message.
function(rawsys_compile_fail_test name message)
  set(src ${CMAKE_CURRENT_SOURCE_DIR}/compile_fail/${name}.cpp)
  separate_arguments(flags UNIX_COMMAND "${CMAKE_CXX_FLAGS}")
  if(CMAKE_CXX_COMPILER_TARGET)  # Clang cross builds: the target is not in the flags
    list(APPEND flags --target=${CMAKE_CXX_COMPILER_TARGET})
  endif()
  if(NOT RAWSYS_HOSTED_LINKS)  # no C++ library for the target: as a no-libc program
    list(APPEND flags -ffreestanding -fno-exceptions)
  endif()
  add_test(NAME "${RAWSYS_TEST_PREFIX}compile-fail: ${name}"
           COMMAND ${CMAKE_CXX_COMPILER} ${flags} -std=c++20 -fsyntax-only
                   -I${CMAKE_CURRENT_SOURCE_DIR}/../include ${src})
  set_tests_properties("${RAWSYS_TEST_PREFIX}compile-fail: ${name}" PROPERTIES
    WILL_FAIL FALSE PASS_REGULAR_EXPRESSION "${message}")
endfunction()
