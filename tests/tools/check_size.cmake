# Fails when FILE is larger than MAX bytes.
file(SIZE "${FILE}" size)
if(size GREATER MAX)
  message(FATAL_ERROR "${FILE}: ${size} bytes, over the budget of ${MAX}")
endif()
message(STATUS "${FILE}: ${size} bytes (budget ${MAX})")
