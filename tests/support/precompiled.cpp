// The source of dyad_test_pch, the target that makes the test binaries' precompiled header (tests/CMakeLists.txt).
// The header itself is forced in by the build, so this file has nothing else to hold.
