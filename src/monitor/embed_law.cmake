# Writes a .cpp that holds data/law/criminal-procedure-law.json as a string, so the binary
# reads nothing from disk at run time. Invoked at build time with -DOUT= -DIN=.
file(READ "${IN}" text)
file(WRITE "${OUT}.tmp"
     "#include <string_view>\nnamespace jz::monitor {\nstd::string_view embedded_criminal_procedure_law() {\n  return R\"jz_law(${text})jz_law\";\n}\n}  // namespace jz::monitor\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
