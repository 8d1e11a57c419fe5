#pragma once
// Checks the page tests share: finding text, cutting a part of a page, asking xmllint whether
// a fragment is well-formed, and comparing a page part with its golden file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace jz::web::page_checks {

inline bool has(const std::string& text, std::string_view what) {
  return text.find(what) != std::string::npos;
}

// The text from `start` up to the next `end` (both included), or "".
inline std::string between(const std::string& body, std::string_view start, std::string_view end) {
  auto from = body.find(start);
  if (from == std::string::npos) return "";
  auto to = body.find(end, from + start.size());
  if (to == std::string::npos) return "";
  return body.substr(from, to + end.size() - from);
}

// xmllint's complaints about `xml` ("" when it is well-formed); xmllint is libxml2-utils, in
// scripts/debian-packages.txt.
inline std::string xml_errors(const std::string& xml) {
  char name[] = "/tmp/jz-xml-XXXXXX";
  int fd = mkstemp(name);
  if (fd < 0) return "cannot create a temporary file";
  close(fd);
  std::ofstream(name) << xml;
  std::string command = std::string("xmllint --noout ") + name + " 2>&1";
  std::string out;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    if (pclose(p) != 0 && out.empty()) out = "xmllint failed";
  } else {
    out = "cannot run xmllint";
  }
  std::remove(name);
  return out;
}

// `text` equals tests/web/golden/NAME byte for byte. With UPDATE_GOLDEN=1 in the environment
// it writes the file instead and skips: regenerate after a change on purpose, then read the
// diff.
inline void expect_matches_golden(const std::string& text, const std::string& name) {
  const std::string path = std::string(JZ_GOLDEN_DIR) + "/" + name;
  if (const char* update = std::getenv("UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << text;
    GTEST_SKIP() << "wrote " << path;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path << " is missing: run this test with UPDATE_GOLDEN=1";
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(text, golden.str()) << "the page changed: if on purpose, regenerate " << path
                                << " with UPDATE_GOLDEN=1 and check the diff";
}

}  // namespace jz::web::page_checks
