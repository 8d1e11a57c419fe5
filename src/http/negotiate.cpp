#include "http/negotiate.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>
#include <optional>
#include <utility>

#include "http/ascii_case.hpp"
#include "http/gzip.hpp"

namespace jz::http::detail {

namespace {

bool is_ows(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ows(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ows(s.back())) s.remove_suffix(1);
  return s;
}

// Calls f on each trimmed, non-empty member of a comma-separated list.
template <class F>
void for_each_member(std::string_view list, F f) {
  while (!list.empty()) {
    std::size_t comma = list.find(',');
    std::string_view member = trim(list.substr(0, comma));
    if (!member.empty()) f(member);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

// RFC 9110 §12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), in
// thousandths. Anything else is malformed.
std::optional<int> parse_qvalue(std::string_view s) {
  if (s.empty() || (s[0] != '0' && s[0] != '1')) return std::nullopt;
  int whole = s[0] - '0';
  if (s.size() == 1) return whole * 1000;
  if (s[1] != '.' || s.size() > 5) return std::nullopt;
  int fraction = 0;
  int scale = 100;
  for (char c : s.substr(2)) {
    if (c < '0' || c > '9') return std::nullopt;
    fraction += (c - '0') * scale;
    scale /= 10;
  }
  if (whole == 1 && fraction != 0) return std::nullopt;
  return whole * 1000 + fraction;
}

// The weight of one Accept-Encoding member's parameters: 1000 without a q, 0 if it is malformed.
int member_weight(std::string_view params) {
  int weight = 1000;
  while (!params.empty()) {
    std::size_t semi = params.find(';');
    std::string_view param = trim(params.substr(0, semi));
    std::size_t eq = param.find('=');
    if (eq != std::string_view::npos && iequals(trim(param.substr(0, eq)), "q")) {
      weight = parse_qvalue(trim(param.substr(eq + 1))).value_or(0);
    }
    if (semi == std::string_view::npos) break;
    params.remove_prefix(semi + 1);
  }
  return weight;
}

// The opaque-tag of an entity-tag (the quoted part, quotes included), or "" if malformed.
std::string_view opaque_tag(std::string_view etag) {
  etag = trim(etag);
  if (etag.substr(0, 2) == "W/") etag.remove_prefix(2);  // "W/" is case-sensitive
  if (etag.size() < 2 || etag.front() != '"' || etag.back() != '"') return {};
  if (etag.substr(1, etag.size() - 2).find('"') != std::string_view::npos) return {};
  return etag;
}

const std::string* find_header(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return &value;
  }
  return nullptr;
}

// RFC 9110 §15.4.5 names the fields a 304 must repeat; the security headers are kept too,
// because a cache refreshes its stored headers from the 304 and must not lose a handler's own
// Content-Security-Policy.
constexpr std::array<std::string_view, 10> kNotModifiedKeeps{
    {"etag", "cache-control", "vary", "content-location", "expires", "date",
     "content-security-policy", "referrer-policy", "x-content-type-options", "x-frame-options"}};

Response not_modified(Response response) {
  Response out;
  out.status = 304;
  out.content_type.clear();
  for (auto& header : response.headers) {
    bool keep = std::any_of(kNotModifiedKeeps.begin(), kNotModifiedKeeps.end(),
                            [&](std::string_view name) { return iequals(header.first, name); });
    if (keep) out.headers.push_back(std::move(header));
  }
  return out;
}

void weaken_etag(HeaderList& headers) {
  for (auto& [name, value] : headers) {
    if (!iequals(name, "etag")) continue;
    std::string_view v = trim(value);
    if (!v.empty() && v.front() == '"') value = "W/" + std::string(v);
  }
}

}  // namespace

std::string joined_header(const HeaderList& headers, std::string_view name) {
  std::string out;
  for (const auto& [key, value] : headers) {
    if (!iequals(key, name)) continue;
    if (!out.empty()) out += ", ";
    out += value;
  }
  return out;
}

RequestFacts request_facts(const Request& request) {
  RequestFacts facts;
  facts.get = request.method == "GET" || request.method == "HEAD";
  facts.if_none_match = joined_header(request.headers, "if-none-match");
  facts.accept_encoding = joined_header(request.headers, "accept-encoding");
  return facts;
}

bool accepts_gzip(std::string_view accept_encoding) {
  int gzip = -1;
  int any = -1;
  int identity = -1;
  for_each_member(accept_encoding, [&](std::string_view member) {
    std::size_t semi = member.find(';');
    std::string_view coding = trim(member.substr(0, semi));
    int weight = semi == std::string_view::npos ? 1000 : member_weight(member.substr(semi + 1));
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) {
      gzip = std::max(gzip, weight);
    } else if (coding == "*") {
      any = std::max(any, weight);
    } else if (iequals(coding, "identity")) {
      identity = std::max(identity, weight);
    }
  });
  int weight = gzip >= 0 ? gzip : any;
  return weight > 0 && weight >= identity;
}

bool if_none_match_matches(std::string_view if_none_match, std::string_view etag) {
  std::string_view tag = opaque_tag(etag);
  if (tag.empty()) return false;
  std::string_view rest = if_none_match;
  for (;;) {
    while (!rest.empty() && (is_ows(rest.front()) || rest.front() == ',')) rest.remove_prefix(1);
    if (rest.empty()) return false;
    if (rest.front() == '*') return true;
    // An opaque-tag may itself contain commas, so members are read quote to quote rather
    // than split on ','.
    if (rest.substr(0, 2) == "W/") rest.remove_prefix(2);
    if (rest.empty() || rest.front() != '"') return false;
    std::size_t close = rest.find('"', 1);
    if (close == std::string_view::npos) return false;
    if (rest.substr(0, close + 1) == tag) return true;
    rest.remove_prefix(close + 1);
    while (!rest.empty() && is_ows(rest.front())) rest.remove_prefix(1);
    if (!rest.empty() && rest.front() != ',') return false;
  }
}

void add_vary(HeaderList& headers, std::string_view token) {
  std::string* first = nullptr;
  for (auto& [name, value] : headers) {
    if (!iequals(name, "vary")) continue;
    if (first == nullptr) first = &value;
    bool present = false;
    for_each_member(value, [&](std::string_view member) {
      present = present || member == "*" || iequals(member, token);
    });
    if (present) return;
  }
  if (first == nullptr) {
    headers.emplace_back("Vary", std::string(token));
  } else if (trim(*first).empty()) {
    *first = std::string(token);
  } else {
    *first += ", ";
    *first += token;
  }
}

Response negotiate(Response response, const RequestFacts& request) {
  int status = response.status;
  bool no_body = status / 100 == 1 || status == 204 || status == 304;
  const std::string* type_header = find_header(response.headers, "content-type");
  const std::string& type = type_header ? *type_header : response.content_type;
  bool compressible = !no_body && !find_header(response.headers, "content-encoding") &&
                      (!response.gzip_body.empty() || http::is_compressible_type(type));
  bool send_gzip = compressible && accepts_gzip(request.accept_encoding) &&
                   (!response.gzip_body.empty() || response.body.size() >= kMinGzipBytes);

  // Vary and ETag first: a 304 must carry the ones the 200 would have had.
  if (compressible) add_vary(response.headers, "Accept-Encoding");
  if (send_gzip) weaken_etag(response.headers);

  if (status == 200 && request.get && !request.if_none_match.empty()) {
    const std::string* etag = find_header(response.headers, "etag");
    if (etag && if_none_match_matches(request.if_none_match, *etag)) {
      return not_modified(std::move(response));
    }
  }

  if (send_gzip && response.gzip_body.empty()) {
    try {
      response.gzip_body = gzip_at_level(response.body, kOnTheFlyLevel);
    } catch (const std::exception&) {
      std::fputs("jz_http: gzip failed; sending the body uncompressed\n", stderr);
    }
  }
  if (send_gzip && !response.gzip_body.empty()) {
    response.body = std::move(response.gzip_body);
    response.headers.emplace_back("Content-Encoding", "gzip");
  }
  response.gzip_body = std::string();
  return response;
}

}  // namespace jz::http::detail
