# Writes a .cpp that holds every file under templates/, static/ and content/ as a string
# (see embedded_files.hpp), and the data files the site reads (data/, as "data/NAME").
# Invoked at build time with -DOUT= -DDIR= -DDATA=.
file(GLOB files RELATIVE "${DIR}" "${DIR}/templates/*" "${DIR}/static/*" "${DIR}/content/*")
list(SORT files)
set(data_files treaty-articles.json)
set(body "#include \"web/embedded_files.hpp\"\nnamespace jz::web {\nconst std::map<std::string_view, std::string_view>& embedded_files() {\n  static const std::map<std::string_view, std::string_view> kAll = {\n")
foreach(f ${files})
  file(READ "${DIR}/${f}" text)
  set(body "${body}    {\"${f}\", R\"jz_file(${text})jz_file\"},\n")
endforeach()
foreach(f ${data_files})
  file(READ "${DATA}/${f}" text)
  set(body "${body}    {\"data/${f}\", R\"jz_file(${text})jz_file\"},\n")
endforeach()
set(body "${body}  };\n  return kAll;\n}\n}  // namespace jz::web\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
