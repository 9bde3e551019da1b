# One place decides how every Dockhand target is compiled: warnings (errors in the ci preset)
# and the Qt hygiene defines that keep implicit string conversions out of the libraries.
function(dockhand_configure_target target)
    target_compile_options(${target} PRIVATE -Wall -Wextra)
    if(DOCKHAND_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_URL_CAST_FROM_STRING
                                                 QT_NO_CAST_FROM_BYTEARRAY QT_NO_FOREACH)
endfunction()

# A Qt Test executable linked against module libraries, registered with ctest under labels.
#   dockhand_add_test(tst_name SOURCES a.cpp LIBS dockhand_scanner LABELS unit [TIMEOUT s] [ENV ...])
function(dockhand_add_test name)
    cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV;ARGS" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
    dockhand_configure_target(${name})
    add_test(NAME ${name} COMMAND ${name} ${T_ARGS})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;DOCKHAND_BIN_DIR=${CMAKE_BINARY_DIR}/bin;DOCKHAND_SOURCE_DIR=${CMAKE_SOURCE_DIR};${T_ENV}")
endfunction()
