// multipart/form-data on any bytes. The input is a Content-Type header value, "\n", and a
// body; when the header yields no boundary, "B" is used, so every body is parsed.
// multipart_boundary never crashes; a boundary it accepts is valid and reads back the same
// when quoted. parse_multipart never crashes, keeps within max_parts, and every part it
// accepts has a name and a filename without a path; written back as a multipart body (as a
// browser would, escaping '"' and '\') the parts parse to the same parts.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/multipart.hpp"

namespace {

constexpr std::size_t kMaxParts = 8;  // small, so the limit is reached too

bool is_bchar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

std::string write_back(const std::vector<jz::http::FormPart>& parts, std::string_view boundary) {
  std::string out;
  for (const auto& part : parts) {
    out += "--" + std::string(boundary) +
           "\r\nContent-Disposition: form-data; name=" + quoted(part.name);
    if (part.is_file) out += "; filename=" + quoted(part.filename);
    out += "\r\n";
    if (!part.content_type.empty()) out += "Content-Type: " + part.content_type + "\r\n";
    out += "\r\n" + part.body + "\r\n";
  }
  return out + "--" + std::string(boundary) + "--\r\n";
}

bool same(const jz::http::FormPart& a, const jz::http::FormPart& b) {
  return a.name == b.name && a.filename == b.filename && a.is_file == b.is_file &&
         a.content_type == b.content_type && a.body == b.body;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t newline = input.find('\n');
  std::string_view header = input.substr(0, newline);
  std::string_view body =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);

  std::string boundary = "B";
  if (auto found = jz::http::multipart_boundary(header)) {
    if (found->empty() || found->size() > 70 || found->back() == ' ') std::abort();
    for (char c : *found)
      if (!is_bchar(c)) std::abort();
    auto again = jz::http::multipart_boundary("multipart/form-data; boundary=" + quoted(*found));
    if (again != found) std::abort();
    boundary = *found;
  }

  auto result = jz::http::parse_multipart(body, boundary, kMaxParts);
  if (auto* error = std::get_if<std::string>(&result)) {
    if (error->empty()) std::abort();
    return 0;
  }
  const auto& parts = std::get<std::vector<jz::http::FormPart>>(result);
  if (parts.size() > kMaxParts) std::abort();
  std::size_t bytes = 0;
  for (const auto& part : parts) {
    if (part.name.empty()) std::abort();
    if (part.filename.find_first_of("/\\") != std::string::npos) std::abort();
    if (!part.is_file && !part.filename.empty()) std::abort();
    bytes += part.body.size();
  }
  if (bytes > body.size()) std::abort();

  auto reparsed = jz::http::parse_multipart(write_back(parts, boundary), boundary, kMaxParts);
  const auto* again = std::get_if<std::vector<jz::http::FormPart>>(&reparsed);
  if (!again || again->size() != parts.size()) std::abort();
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (!same(parts[i], (*again)[i])) std::abort();
  return 0;
}
