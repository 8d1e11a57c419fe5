# Writes a .cpp that holds every templates/*.mustache and static/* file as a string, so the
# binary needs no files at run time. Invoked at build time with -DOUT= -DDIR=.
file(GLOB files "${DIR}/templates/*.mustache" "${DIR}/static/*")
list(SORT files)
set(body "#include \"web/template_sources.hpp\"\n#include <map>\n#include <string_view>\nnamespace jz::web {\nconst std::map<std::string_view, std::string_view>& template_sources() {\n  static const std::map<std::string_view, std::string_view> kAll = {\n")
foreach(f ${files})
  get_filename_component(name "${f}" NAME)
  file(READ "${f}" text)
  set(body "${body}    {\"${name}\", R\"jz_template(${text})jz_template\"},\n")
endforeach()
set(body "${body}  };\n  return kAll;\n}\n}  // namespace jz::web\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
