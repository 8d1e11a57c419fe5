// multipart/form-data bodies (RFC 7578) as browsers send them: the boundary from the
// Content-Type header, fields and files, and a clear message for every malformed body.

#include "http/multipart.hpp"

#include <gtest/gtest.h>

#include <string>

namespace jz::http {
namespace {

using namespace std::string_literals;

// The parts, or a test failure with the message.
std::vector<FormPart> parts_of(std::string_view body, std::string_view boundary,
                               std::size_t max_parts = kMaxFormParts) {
  auto result = parse_multipart(body, boundary, max_parts);
  if (auto* error = std::get_if<std::string>(&result)) {
    ADD_FAILURE() << "unexpected error: " << *error;
    return {};
  }
  return std::get<std::vector<FormPart>>(result);
}

// The message, or "" (and a test failure) when the body was accepted.
std::string error_of(std::string_view body, std::string_view boundary,
                     std::size_t max_parts = kMaxFormParts) {
  auto result = parse_multipart(body, boundary, max_parts);
  if (auto* error = std::get_if<std::string>(&result)) return *error;
  ADD_FAILURE() << "accepted";
  return {};
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// A file whose bytes include NUL, CRLF, a lone CR and LF, "--" at a line start and the
// boundary itself (not after CRLF).
const std::string kBinary =
    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\r\n--not-a-boundary\r\n"
    "\n------WebKitFormBoundaryq3xBlVnP1Ad9JwSz\r\n\xff\xfe\0"
    "x------WebKitFormBoundaryq3xBlVnP1Ad9JwSz--\r\n\r\n"s;

TEST(MultipartBoundary, ChromiumAndFirefoxHeaders) {
  EXPECT_EQ(
      multipart_boundary("multipart/form-data; boundary=----WebKitFormBoundaryq3xBlVnP1Ad9JwSz"),
      "----WebKitFormBoundaryq3xBlVnP1Ad9JwSz");
  EXPECT_EQ(
      multipart_boundary("multipart/form-data; boundary=---------------------------90519140415448"),
      "---------------------------90519140415448");
}

TEST(MultipartBoundary, QuotedOrNot) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"abc\""), "abc");
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=abc"), "abc");
  // Characters allowed in a boundary but not in a token need the quotes.
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"a b:c=d?(e),/f\""),
            "a b:c=d?(e),/f");
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=a:b"), std::nullopt);
  // Type and parameter names are case-insensitive; other parameters and spaces are fine.
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data ; charset=utf-8;BOUNDARY=\"x\" "), "x");
}

TEST(MultipartBoundary, RejectsOtherTypesAndBadBoundaries) {
  for (std::string_view bad :
       {"", "multipart/form-data", "multipart/form-data;", "multipart/form-data; boundary=",
        "multipart/form-data; boundary=\"\"", "multipart/mixed; boundary=abc",
        "application/x-www-form-urlencoded", "text/plain; boundary=abc",
        "multipart/form-data; boundary=\"abc", "multipart/form-data; boundary=a; boundary=b",
        "multipart/form-data; boundary=\"ends in space \"",
        "multipart/form-data; boundary=a*b",         // '*' is a token char, not a bchar
        "multipart/form-data; boundary=\"a\\\"b\"",  // '"' is not a bchar
        "multipart/form-data; boundary=\"a\nb\"", "multipart/form-data boundary=abc"}) {
    EXPECT_EQ(multipart_boundary(bad), std::nullopt) << bad;
  }
  std::string seventy(70, 'b');
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + seventy), seventy);
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + seventy + "b"), std::nullopt);
}

// Byte for byte what Chromium sends for a form with two text fields (one in Chinese) and a
// file; its Content-Type is "multipart/form-data; boundary=----WebKitFormBoundary...".
TEST(ParseMultipart, ChromiumFormWithTwoFieldsAndAFile) {
  const std::string body =
      "------WebKitFormBoundaryq3xBlVnP1Ad9JwSz\r\n"
      "Content-Disposition: form-data; name=\"csrf\"\r\n"
      "\r\n"
      "t0k3n\r\n"
      "------WebKitFormBoundaryq3xBlVnP1Ad9JwSz\r\n"
      "Content-Disposition: form-data; name=\"title\"\r\n"
      "\r\n"
      "\xE5\x88\x98\xE6\x99\x93\xE6\xB3\xA2\xE6\xA1\x88\r\n"  // 刘晓波案
      "------WebKitFormBoundaryq3xBlVnP1Ad9JwSz\r\n"
      "Content-Disposition: form-data; name=\"source\"; filename=\"scan.png\"\r\n"
      "Content-Type: image/png\r\n"
      "\r\n" +
      kBinary +
      "\r\n"
      "------WebKitFormBoundaryq3xBlVnP1Ad9JwSz--\r\n";
  auto boundary =
      multipart_boundary("multipart/form-data; boundary=----WebKitFormBoundaryq3xBlVnP1Ad9JwSz");
  ASSERT_TRUE(boundary);
  auto parts = parts_of(body, *boundary);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].name, "csrf");
  EXPECT_EQ(parts[0].body, "t0k3n");
  EXPECT_FALSE(parts[0].is_file);
  EXPECT_EQ(parts[0].filename, "");
  EXPECT_EQ(parts[0].content_type, "");
  EXPECT_EQ(parts[1].name, "title");
  EXPECT_EQ(parts[1].body, "刘晓波案");
  EXPECT_EQ(parts[2].name, "source");
  EXPECT_TRUE(parts[2].is_file);
  EXPECT_EQ(parts[2].filename, "scan.png");
  EXPECT_EQ(parts[2].content_type, "image/png");
  EXPECT_EQ(parts[2].body, kBinary);
  EXPECT_EQ(parts[2].body.size(), kBinary.size());
}

// Firefox: a different boundary, a field and a file with a Chinese name, nothing after the
// closing line.
TEST(ParseMultipart, FieldAndFileInOneForm) {
  const std::string b = "---------------------------9051914041544843365972754266";
  const std::string body = "--" + b +
                           "\r\n"
                           "Content-Disposition: form-data; name=\"reason\"\r\n"
                           "\r\n"
                           "line one\r\nline two\r\n--" +
                           b +
                           "\r\n"
                           "Content-Disposition: form-data; name=\"file\"; "
                           "filename=\"\xE5\x88\xA4\xE5\x86\xB3\xE4\xB9\xA6.txt\"\r\n"  // 判决书
                           "Content-Type: text/plain\r\n"
                           "\r\n"
                           "\xE6\xB3\x95\xE9\x99\xA2\n\r\n--" +
                           b + "--";
  auto parts = parts_of(body, b);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].name, "reason");
  EXPECT_EQ(parts[0].body, "line one\r\nline two");
  EXPECT_FALSE(parts[0].is_file);
  EXPECT_EQ(parts[1].name, "file");
  EXPECT_EQ(parts[1].filename, "判决书.txt");
  EXPECT_EQ(parts[1].content_type, "text/plain");
  EXPECT_EQ(parts[1].body, "法院\n");
}

// What browsers send for a file input when no file was chosen.
TEST(ParseMultipart, EmptyFileInput) {
  const std::string body =
      "--B\r\n"
      "Content-Disposition: form-data; name=\"source\"; filename=\"\"\r\n"
      "Content-Type: application/octet-stream\r\n"
      "\r\n"
      "\r\n"
      "--B--\r\n";
  auto parts = parts_of(body, "B");
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].name, "source");
  EXPECT_TRUE(parts[0].is_file);
  EXPECT_EQ(parts[0].filename, "");
  EXPECT_EQ(parts[0].content_type, "application/octet-stream");
  EXPECT_EQ(parts[0].body, "");
}

TEST(ParseMultipart, EmptyFormHasNoParts) {
  EXPECT_TRUE(parts_of("--B--\r\n", "B").empty());
}

TEST(ParseMultipart, QuotedAndUnquotedBoundaryGiveTheSameParts) {
  const std::string body =
      "--a'b+c\r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n--a'b+c--\r\n";
  for (std::string_view header :
       {"multipart/form-data; boundary=a'b+c", "multipart/form-data; boundary=\"a'b+c\""}) {
    auto boundary = multipart_boundary(header);
    ASSERT_TRUE(boundary) << header;
    auto parts = parts_of(body, *boundary);
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0].name, "x");
    EXPECT_EQ(parts[0].body, "1");
  }
  // A quoted boundary with a space in it.
  auto spaced = multipart_boundary("multipart/form-data; boundary=\"a b\"");
  ASSERT_TRUE(spaced);
  EXPECT_EQ(parts_of("--a b\r\nContent-Disposition: form-data; name=y\r\n\r\n2\r\n--a b--", *spaced)
                .size(),
            1u);
}

TEST(ParseMultipart, PreambleAndEpilogueAreIgnored) {
  const std::string body =
      "This is a preamble.\r\n--B\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
      "--B--\r\nAn epilogue, even with\r\n--B\r\nin it.";
  auto parts = parts_of(body, "B");
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].body, "1");
}

TEST(ParseMultipart, HeaderNamesAndParametersCaseInsensitive) {
  const std::string body =
      "--B\r\ncontent-disposition: Form-Data; NAME=a; FileName=\"f.txt\"\r\n"
      "CONTENT-TYPE:text/plain; charset=utf-8\r\nX-Other: ignored\r\n\r\n1\r\n--B--\r\n";
  auto parts = parts_of(body, "B");
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].name, "a");
  EXPECT_EQ(parts[0].filename, "f.txt");
  EXPECT_EQ(parts[0].content_type, "text/plain; charset=utf-8");
}

TEST(ParseMultipart, QuotedParametersWithEscapes) {
  const std::string body =
      "--B\r\nContent-Disposition: form-data; name=\"a\\\"b\\\\c; d=e\"; "
      "filename*=UTF-8''ignored.txt\r\n\r\n1\r\n--B--\r\n";
  auto parts = parts_of(body, "B");
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].name, "a\"b\\c; d=e");
  EXPECT_FALSE(parts[0].is_file);  // filename* alone is ignored
}

TEST(ParseMultipart, PartsKeepTheirOrderAndRepeatedNames) {
  std::string body;
  for (const char* value : {"3", "1", "2"})
    body += "--B\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\n"s + value + "\r\n";
  body += "--B--";
  auto parts = parts_of(body, "B");
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].body + parts[1].body + parts[2].body, "312");
}

TEST(ParseMultipart, TransportPaddingAfterBoundaryLines) {
  auto parts = parts_of(
      "--B \t\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--B  \r\n"
      "Content-Disposition: form-data; name=b\r\n\r\n2\r\n--B--",
      "B");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[1].body, "2");
}

TEST(ParseMultipart, FilenameWithAPathKeepsOnlyTheName) {
  for (auto [sent, kept] : std::initializer_list<std::pair<const char*, const char*>>{
           {"C:\\Users\\ana\\Documents\\report 2024.txt", "report 2024.txt"},
           {"\\\\server\\share\\a.pdf", "a.pdf"},
           {"/home/ana/a.txt", "a.txt"},
           {"..\\..\\etc/passwd", "passwd"},
           {"C:\\dir\\.", "."},
           {"a\\\\b", "b"},  // sent as a\\b: an escaped backslash, still a separator
           {"plain.txt", "plain.txt"}}) {
    const std::string body = "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\""s +
                             sent + "\"\r\n\r\nx\r\n--B--\r\n";
    auto parts = parts_of(body, "B");
    ASSERT_EQ(parts.size(), 1u) << sent;
    EXPECT_EQ(parts[0].filename, kept) << sent;
    EXPECT_TRUE(parts[0].is_file);
  }
}

TEST(ParseMultipart, MissingClosingDelimiter) {
  const std::string part = "--B\r\nContent-Disposition: form-data; name=a\r\n\r\n1";
  std::string error = error_of(part, "B");
  EXPECT_EQ(error,
            "part 1: the form data ends inside it, without the closing boundary line \"--B--\"");
  EXPECT_TRUE(contains(error_of(part + "\r\n", "B"), "\"--B--\"")) << error;
  EXPECT_EQ(error_of(part + "\r\n--B", "B"),
            "the form data ends without the closing boundary line \"--B--\"");
  EXPECT_EQ(error_of(part + "\r\n--B\r\n", "B"),
            "part 2: the form data ends inside it, without the closing boundary line \"--B--\"");
  // "-- B--" or "--B-" are not the closing line.
  EXPECT_TRUE(contains(error_of(part + "\r\n--B-", "B"), "not a boundary line"));
}

TEST(ParseMultipart, MissingName) {
  const std::string first = "--B\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n";
  EXPECT_EQ(error_of(first + "--B\r\nContent-Disposition: form-data; filename=\"x.txt\"\r\n"
                             "\r\nx\r\n--B--\r\n",
                     "B"),
            "part 2: no name in its Content-Disposition");
  EXPECT_EQ(
      error_of(first + "--B\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--B--", "B"),
      "part 2: an empty name in its Content-Disposition");
  EXPECT_EQ(error_of(first + "--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--", "B"),
            "part 2: no name in its Content-Disposition");
}

TEST(ParseMultipart, TooManyParts) {
  std::string body;
  for (int i = 0; i < 1000; ++i)
    body += "--B\r\nContent-Disposition: form-data; name=f" + std::to_string(i) + "\r\n\r\n\r\n";
  EXPECT_EQ(parts_of(body + "--B--", "B").size(), 1000u);
  body += "--B\r\nContent-Disposition: form-data; name=last\r\n\r\n\r\n--B--";
  EXPECT_EQ(error_of(body, "B"), "more than 1000 parts (fields and files)");
  EXPECT_EQ(error_of(body, "B", 2), "more than 2 parts (fields and files)");
}

TEST(ParseMultipart, BareLineFeedsAreRefused) {
  const std::string body = "--B\nContent-Disposition: form-data; name=a\n\n1\n--B--\n";
  EXPECT_EQ(error_of(body, "B"),
            "the form data's lines end with LF; they must end with CRLF (\\r\\n)");
  EXPECT_EQ(error_of("preamble\n" + body, "B"),
            "the form data's lines end with LF; they must end with CRLF (\\r\\n)");
}

TEST(ParseMultipart, NoBoundaryLine) {
  EXPECT_EQ(error_of("", "B"), "the form data has no boundary line \"--B\"");
  EXPECT_EQ(error_of("name=a&b=c", "B"), "the form data has no boundary line \"--B\"");
  EXPECT_EQ(error_of("--Bx\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--B--", "B"),
            "the first line starts with the boundary but is not a boundary line");
}

TEST(ParseMultipart, BoundaryInsideAPartMustBeADelimiter) {
  // After CRLF, "--B" followed by other characters is neither content nor a boundary line
  // (RFC 2046: the boundary must not occur in a part).
  EXPECT_EQ(
      error_of("--B\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--Bx\r\n--B--", "B"),
      "after part 1, a line starts with the boundary but is not a boundary line");
}

TEST(ParseMultipart, MalformedPartHeaders) {
  auto error_for_headers = [](const std::string& headers) {
    return error_of("--B\r\n" + headers + "\r\n\r\nx\r\n--B--\r\n", "B");
  };
  EXPECT_EQ(error_for_headers("Content-Type: text/plain"), "part 1: no Content-Disposition header");
  EXPECT_EQ(error_of("--B\r\n\r\nx\r\n--B--", "B"), "part 1: no Content-Disposition header");
  EXPECT_EQ(error_for_headers("Content-Disposition: attachment; name=a"),
            "part 1: its Content-Disposition is not form-data");
  EXPECT_EQ(error_for_headers("Content-Disposition: form-data; name=\"a"),
            "part 1: a malformed Content-Disposition");
  // \" escapes the quote, so this string never ends.
  EXPECT_EQ(error_for_headers("Content-Disposition: form-data; name=a; filename=\"a\\\""),
            "part 1: a malformed Content-Disposition");
  EXPECT_EQ(error_for_headers("Content-Disposition: form-data; name=a b"),
            "part 1: a malformed Content-Disposition");
  EXPECT_EQ(error_for_headers("Content-Disposition: form-data; name=a;"),
            "part 1: a malformed Content-Disposition");
  EXPECT_EQ(error_for_headers("Content-Disposition: form-data; name=a; name=b"),
            "part 1: two names in its Content-Disposition");
  EXPECT_EQ(error_for_headers("Content-Disposition: form-data; name=a; filename=x; filename=y"),
            "part 1: two filenames in its Content-Disposition");
  EXPECT_EQ(error_for_headers("Content-Disposition: form-data; name=a\r\nContent-Disposition: "
                              "form-data; name=b"),
            "part 1: two Content-Disposition headers");
  EXPECT_EQ(error_for_headers("Content-Disposition: form-data; name=a\r\nContent-Type: a/b\r\n"
                              "Content-Type: c/d"),
            "part 1: two Content-Type headers");
  EXPECT_EQ(error_for_headers("Content-Disposition: form-data; name=a\r\n folded"),
            "part 1: a malformed header line");
  EXPECT_EQ(error_for_headers("Content-Disposition : form-data; name=a"),
            "part 1: a malformed header line");
  EXPECT_EQ(error_for_headers("Content-Disposition: form-data; name=a\r\nX: a\0b"s),
            "part 1: a control character in a header line");
  EXPECT_EQ(error_for_headers("Content-Disposition: form-data; name=\"a\nb\""),
            "part 1: a control character in a header line");
  EXPECT_EQ(error_for_headers("Content-Disposition: form-data; name=a\r\n"
                              "Content-Transfer-Encoding: base64"),
            "part 1: a Content-Transfer-Encoding other than binary is not supported; send the "
            "bytes as they are");
  EXPECT_EQ(error_of("--B\r\nContent-Disposition: form-data; name=a\r\nx\r\n--B--", "B"),
            "part 1: its header lines do not end with an empty line");

  std::string many = "Content-Disposition: form-data; name=a";
  for (std::size_t i = 1; i < kMaxPartHeaderLines; ++i)
    many += "\r\nX-" + std::to_string(i) + ": 1";
  EXPECT_EQ(parts_of("--B\r\n" + many + "\r\n\r\nx\r\n--B--", "B").size(), 1u);
  EXPECT_EQ(error_for_headers(many + "\r\nX-last: 1"), "part 1: more than 8 header lines");
}

TEST(ParseMultipart, InvalidBoundaryArgument) {
  EXPECT_EQ(error_of("--\r\n", ""), "the boundary is not valid");
  EXPECT_EQ(error_of("--a*b\r\n", "a*b"), "the boundary is not valid");
}

}  // namespace
}  // namespace jz::http
