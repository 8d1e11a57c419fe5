#include "http/multipart.hpp"

#include <utility>

#include "http/ascii_case.hpp"

namespace jz::http {

namespace {

using detail::iequals;

bool is_ows(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && is_ows(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ows(s.back())) s.remove_suffix(1);
  return s;
}

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// RFC 9110 tchar.
bool is_tchar(char c) {
  return is_alnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_tchar(c)) return false;
  return true;
}

// A control byte other than HTAB: never allowed in a header line.
bool is_ctl(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u < 0x20 && c != '\t') || u == 0x7F;
}

// RFC 2046 bchars.
bool is_bchar(char c) {
  return is_alnum(c) || std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

bool valid_boundary(std::string_view b) {
  if (b.empty() || b.size() > 70 || b.back() == ' ') return false;
  for (char c : b)
    if (!is_bchar(c)) return false;
  return true;
}

struct Param {
  std::string_view name;
  std::string value;
};

struct ParsedValue {
  std::string_view type;
  std::vector<Param> params;
};

// A header value "type *( OWS ';' OWS name '=' ( token / quoted-string ) ) OWS" (RFC 9110
// section 5.6.6). In a quoted string a backslash escapes only '"' and '\'; any other
// backslash is itself, because browsers do not escape Windows paths ("C:\Users\a.txt").
// nullopt when malformed; `type` is the trimmed part before the first ';'.

std::optional<ParsedValue> parse_parameters(std::string_view s) {
  ParsedValue out;
  std::size_t i = s.find(';');
  out.type = trim_ows(s.substr(0, i));  // checked by the caller against what it expects
  while (i < s.size()) {                // s[i] == ';'
    ++i;
    while (i < s.size() && is_ows(s[i])) ++i;
    std::size_t name_start = i;
    while (i < s.size() && is_tchar(s[i])) ++i;
    Param param;
    param.name = s.substr(name_start, i - name_start);
    if (param.name.empty() || i == s.size() || s[i] != '=') return std::nullopt;
    ++i;
    if (i < s.size() && s[i] == '"') {
      ++i;
      for (;;) {
        if (i == s.size()) return std::nullopt;  // unterminated
        char c = s[i++];
        if (c == '"') break;
        if (is_ctl(c)) return std::nullopt;
        if (c == '\\' && i < s.size() && (s[i] == '"' || s[i] == '\\')) c = s[i++];
        param.value.push_back(c);
      }
    } else {
      std::size_t value_start = i;
      while (i < s.size() && is_tchar(s[i])) ++i;
      if (i == value_start) return std::nullopt;
      param.value = std::string(s.substr(value_start, i - value_start));
    }
    while (i < s.size() && is_ows(s[i])) ++i;
    if (i < s.size() && s[i] != ';') return std::nullopt;
    out.params.push_back(std::move(param));
  }
  return out;
}

std::string part_error(std::size_t number, std::string_view what) {
  return "part " + std::to_string(number) + ": " + std::string(what);
}

// One part: header lines, an empty line, the body. `number` counts from 1, for messages.
std::variant<FormPart, std::string> parse_part(std::string_view raw, std::size_t number) {
  std::string_view headers;
  std::string_view body;
  if (raw.starts_with("\r\n")) {
    body = raw.substr(2);
  } else {
    std::size_t end = raw.find("\r\n\r\n");
    if (end == std::string_view::npos)
      return part_error(number, "its header lines do not end with an empty line");
    headers = raw.substr(0, end);
    body = raw.substr(end + 4);
  }

  FormPart part;
  part.body = std::string(body);
  bool has_disposition = false;
  bool has_type = false;
  std::size_t lines = 0;
  while (!headers.empty()) {
    std::size_t eol = headers.find("\r\n");
    std::string_view line = headers.substr(0, eol);
    headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
    if (++lines > kMaxPartHeaderLines)
      return part_error(number,
                        "more than " + std::to_string(kMaxPartHeaderLines) + " header lines");
    std::size_t colon = line.find(':');
    std::string_view name = line.substr(0, colon);
    if (colon == std::string_view::npos || !is_token(name))
      return part_error(number, "a malformed header line");
    std::string_view value = trim_ows(line.substr(colon + 1));
    for (char c : value)
      if (is_ctl(c)) return part_error(number, "a control character in a header line");

    if (iequals(name, "Content-Disposition")) {
      if (has_disposition) return part_error(number, "two Content-Disposition headers");
      has_disposition = true;
      auto parsed = parse_parameters(value);
      if (!parsed) return part_error(number, "a malformed Content-Disposition");
      if (!iequals(parsed->type, "form-data"))
        return part_error(number, "its Content-Disposition is not form-data");
      bool has_name = false;
      for (auto& param : parsed->params) {
        // filename* (RFC 5987) is ignored: RFC 7578 section 4.2 tells senders not to use it.
        if (iequals(param.name, "name")) {
          if (has_name) return part_error(number, "two names in its Content-Disposition");
          has_name = true;
          part.name = std::move(param.value);
        } else if (iequals(param.name, "filename")) {
          if (part.is_file) return part_error(number, "two filenames in its Content-Disposition");
          part.is_file = true;
          std::string& f = param.value;
          std::size_t slash = f.find_last_of("/\\");
          if (slash != std::string::npos) f.erase(0, slash + 1);
          part.filename = std::move(f);
        }
      }
      if (!has_name) return part_error(number, "no name in its Content-Disposition");
      if (part.name.empty()) return part_error(number, "an empty name in its Content-Disposition");
    } else if (iequals(name, "Content-Type")) {
      if (has_type) return part_error(number, "two Content-Type headers");
      has_type = true;
      part.content_type = std::string(value);
    } else if (iequals(name, "Content-Transfer-Encoding")) {
      // RFC 7578 section 4.7: senders must not encode; refuse rather than keep encoded bytes.
      if (!iequals(value, "binary") && !iequals(value, "8bit") && !iequals(value, "7bit"))
        return part_error(number,
                          "a Content-Transfer-Encoding other than binary is not supported; send "
                          "the bytes as they are");
    }
    // Any other header is ignored.
  }
  if (!has_disposition) return part_error(number, "no Content-Disposition header");
  return part;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  auto parsed = parse_parameters(content_type);
  if (!parsed || !iequals(parsed->type, "multipart/form-data")) return std::nullopt;
  std::optional<std::string> boundary;
  for (auto& param : parsed->params) {
    if (!iequals(param.name, "boundary")) continue;
    if (boundary) return std::nullopt;  // given twice
    boundary = std::move(param.value);
  }
  if (!boundary || !valid_boundary(*boundary)) return std::nullopt;
  return boundary;
}

std::variant<std::vector<FormPart>, std::string> parse_multipart(std::string_view body,
                                                                 std::string_view boundary,
                                                                 std::size_t max_parts) {
  if (!valid_boundary(boundary)) return std::string("the boundary is not valid");
  // A delimiter is CRLF "--" boundary; the first boundary line may also open the body.
  const std::string delimiter = "\r\n--" + std::string(boundary);
  const std::string_view dash_boundary = std::string_view(delimiter).substr(2);
  const std::string closing = "\"" + std::string(dash_boundary) + "--\"";

  std::size_t pos;  // just after the "--boundary" of the latest boundary line
  if (body.starts_with(dash_boundary)) {
    pos = dash_boundary.size();
  } else {
    std::size_t at = body.find(delimiter);
    if (at == std::string_view::npos) {
      if (body.find("\n" + std::string(dash_boundary)) != std::string_view::npos)
        return std::string("the form data's lines end with LF; they must end with CRLF (\\r\\n)");
      return "the form data has no boundary line \"" + std::string(dash_boundary) + "\"";
    }
    pos = at + delimiter.size();
  }

  std::vector<FormPart> parts;
  for (;;) {
    // After "--boundary": "--" closes the body (the epilogue after it is ignored); otherwise
    // optional spaces (RFC 2046 transport padding) and CRLF, and a part follows.
    if (body.substr(pos).starts_with("--")) return parts;
    while (pos < body.size() && is_ows(body[pos])) ++pos;
    if (pos == body.size())
      return "the form data ends without the closing boundary line " + closing;
    if (!body.substr(pos).starts_with("\r\n")) {
      if (body[pos] == '\n')
        return std::string("the form data's lines end with LF; they must end with CRLF (\\r\\n)");
      return (parts.empty() ? std::string("the first")
                            : "after part " + std::to_string(parts.size()) + ", a") +
             " line starts with the boundary but is not a boundary line";
    }
    pos += 2;
    if (parts.size() == max_parts)
      return "more than " + std::to_string(max_parts) + " parts (fields and files)";
    std::size_t end = body.find(delimiter, pos);
    if (end == std::string_view::npos)
      return part_error(
          parts.size() + 1,
          "the form data ends inside it, without the closing boundary line " + closing);
    auto part = parse_part(body.substr(pos, end - pos), parts.size() + 1);
    if (auto* error = std::get_if<std::string>(&part)) return std::move(*error);
    parts.push_back(std::move(std::get<FormPart>(part)));
    pos = end + delimiter.size();
  }
}

}  // namespace jz::http
