#pragma once
// OpenCC's own test cases (../shared/realdata/opencc-tests/testcases.json), for the tests
// of script conversion and of search folding. The file is JSON with trailing commas; they
// are removed (outside strings) before parsing.
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace jz::testing {

inline std::string without_trailing_commas(const std::string& text) {
  std::string out;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size())
        out += text[++i];
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == ',') {
      std::size_t j = i + 1;
      while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
      if (j < text.size() && (text[j] == '}' || text[j] == ']')) continue;
    }
    out += c;
  }
  return out;
}

// The parsed file, or null when it cannot be read (the caller fails with the path).
inline nlohmann::json opencc_cases(const std::string& realdata) {
  std::ifstream in(realdata + "/opencc-tests/testcases.json");
  if (!in) return nullptr;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return nlohmann::json::parse(without_trailing_commas(buffer.str()));
}

}  // namespace jz::testing
