# Writes OUTPUT, the definition of StudioVersion::text() (app/studioversion.h), at build time:
#   cmake -DPROJECT_VERSION=0.1.0 -DSOURCE_DIR=… -DOUTPUT=…/studioversion.cpp
#         [-DGIT_EXECUTABLE=/usr/bin/git] -P studioversion.cmake
# The text is the project version, with what `git describe --tags --always --dirty` says as
# semantic-versioning build metadata in a git checkout:
#   no tag yet                   0.1.0+g1a2b3c4
#   3 commits after a tag        0.1.0+3.g1a2b3c4
#   exactly on a tag             0.1.0
#   uncommitted changes          0.1.0+g1a2b3c4.dirty
# Build metadata (after "+"), not a pre-release ("-dev"): a development build is not *before*
# 0.1.0, it is some commit built from the sources; versions compare as if the part after "+"
# were not there. A source tarball or package build has no .git, so it gets the plain version.
# OUTPUT is rewritten only when the text changes: a commit recompiles this one file, nothing else.
cmake_minimum_required(VERSION 3.22)

set(version "${PROJECT_VERSION}")
set(metadata "")
if(GIT_EXECUTABLE AND EXISTS "${SOURCE_DIR}/.git")
    execute_process(
        COMMAND "${GIT_EXECUTABLE}" describe --tags --always --dirty
        WORKING_DIRECTORY "${SOURCE_DIR}"
        OUTPUT_VARIABLE described
        OUTPUT_STRIP_TRAILING_WHITESPACE
        RESULT_VARIABLE failed
        ERROR_QUIET)
    if(NOT failed AND described)
        string(REGEX REPLACE "-dirty$" "" commit "${described}")
        if(commit MATCHES "-([0-9]+)-g([0-9a-f]+)$")
            list(APPEND metadata "${CMAKE_MATCH_1}" "g${CMAKE_MATCH_2}")
        elseif(commit MATCHES "^[0-9a-f]+$") # no tag: --always gives the abbreviated commit
            list(APPEND metadata "g${commit}")
        endif() # else exactly on a tag: the project version says it
        if(NOT commit STREQUAL described)
            list(APPEND metadata dirty)
        endif()
    endif()
endif()
if(metadata)
    list(JOIN metadata "." metadata)
    string(APPEND version "+${metadata}")
endif()

set(text "// Generated at build time by cmake/studioversion.cmake: not in the source tree.
#include \"studioversion.h\"

QString StudioVersion::text()
{
    return QStringLiteral(\"${version}\");
}
")
set(old "")
if(EXISTS "${OUTPUT}")
    file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL text)
    file(WRITE "${OUTPUT}" "${text}")
    message(STATUS "Version: ${version}")
endif()
