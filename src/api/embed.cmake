# Writes OUTPUT: a C++ file defining dyad::api::index_html() over the bytes of INPUT
# (web/index.html), so the binary serves its page without reading any file.
# Run by the build (add_custom_command in src/api/CMakeLists.txt) whenever INPUT changes.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){16})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from web/index.html by src/api/embed.cmake; do not edit.\n"
  "#include \"api/api.h\"\n\n"
  "namespace dyad::api {\nnamespace {\nconstexpr char kIndexHtml[] = {\n${bytes}'\\0'};\n}  // namespace\n\n"
  "std::string_view index_html() { return {kIndexHtml, ${size}}; }\n\n}  // namespace dyad::api\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
