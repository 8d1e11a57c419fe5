#pragma once

// multipart/form-data request bodies (RFC 7578): what a browser sends for a
// <form enctype="multipart/form-data">, ordinary fields and files alike. Standard library
// only; strict, and fuzzed (fuzz/multipart_fuzz.cpp). How to use it: src/http/README.md.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace jz::http {

// One part of a multipart/form-data body, i.e. one field or one file of the form.
struct FormPart {
  std::string name = {};  // Content-Disposition: form-data; name="..." (never empty)
  // The file's name as the browser sent it, without any path (everything up to the last '/'
  // or '\' is dropped); "" for an ordinary field and for a file input left empty. Bytes as
  // sent: not checked for UTF-8, may be "..". Never use it as a path.
  std::string filename = {};
  bool is_file = false;           // the part had a filename parameter (even filename="")
  std::string content_type = {};  // the part's Content-Type, "" if none was given
  std::string body = {};          // the bytes, exactly as sent
};

inline constexpr std::size_t kMaxFormParts = 1000;
inline constexpr std::size_t kMaxPartHeaderLines = 8;  // browsers send one or two

// The boundary of a Content-Type header value "multipart/form-data; boundary=...", quoted or
// not; nullopt if the type is not multipart/form-data, the value is malformed, or the
// boundary is missing, given twice or invalid (RFC 2046: 1-70 characters from
// A-Z a-z 0-9 '()+_,-./:=? and space, not ending in a space).
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Splits a multipart/form-data body into its parts, in the order they were sent. On a
// malformed body, returns a message for the person who sent it ("part 3: no name in its
// Content-Disposition"); never throws (except std::bad_alloc). At most `max_parts` parts and
// kMaxPartHeaderLines header lines per part. The rules are in src/http/README.md.
std::variant<std::vector<FormPart>, std::string> parse_multipart(
    std::string_view body, std::string_view boundary, std::size_t max_parts = kMaxFormParts);

}  // namespace jz::http
