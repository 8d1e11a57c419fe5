#include "web/mirror_paths.hpp"

#include <array>
#include <charconv>

#include "i18n/lang.hpp"

namespace jz::web {
namespace {

// Sections of a language that only the team or the server can answer.
constexpr std::array<std::string_view, 3> kLiveOnly = {"workspace", "login", "logout"};

bool is_page_number(std::string_view s) {
  int n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  return ec == std::errc() && end == s.data() + s.size() && n >= 2 && s[0] != '0';
}

// Replaces the entities a template's escaping writes into an attribute with their characters
// (only &amp; can occur in a URL the site writes; the others are decoded for safety).
std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      auto semi = s.find(';', i);
      std::string_view name = semi == std::string_view::npos ? "" : s.substr(i + 1, semi - i - 1);
      const char* c = name == "amp"    ? "&"
                      : name == "quot" ? "\""
                      : name == "#39"  ? "'"
                      : name == "lt"   ? "<"
                      : name == "gt"   ? ">"
                                       : nullptr;
      if (c) {
        out += c;
        i = semi;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string encode_attribute(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::optional<std::string> mirror_file(std::string_view target) {
  std::string_view path = target.substr(0, target.find_first_of("?#"));
  std::string_view query;
  if (auto q = target.find('?'); q != std::string_view::npos)
    query = target.substr(q + 1, target.find('#', q) - q - 1);
  if (path.size() < 2 || path[0] != '/' || path[1] == '/' || path.find("/.") != path.npos)
    return std::nullopt;

  std::string_view rest = path.substr(1);
  std::string_view first = rest.substr(0, rest.find('/'));
  if (first == "static") {
    // The version in the query is for the caches of the live site; a mirror has one version.
    if (rest.size() <= 7 || rest.find('/', 7) != std::string_view::npos) return std::nullopt;
    return std::string(rest);
  }
  if (!i18n::lang_from_prefix(first) || rest.size() == first.size()) return std::nullopt;
  std::string_view section = rest.substr(first.size() + 1);
  section = section.substr(0, section.find('/'));
  for (auto live : kLiveOnly)
    if (section == live) return std::nullopt;

  std::string file(rest);
  if (file.back() == '/') {
    file += "index";
    if (query.starts_with("page=") && is_page_number(query.substr(5))) {
      file += '-';
      file += query.substr(5);
      query = {};
    }
    file += ".html";
  } else if (std::string_view name = rest.substr(rest.rfind('/') + 1);
             name.find('.') == std::string_view::npos) {
    file += ".html";
  }
  if (!query.empty()) return std::nullopt;
  return file;
}

std::string relative_link(std::string_view from, std::string_view to) {
  // Directories of `from` that `to` shares, from the root.
  std::size_t common = 0;
  for (std::size_t i = 0; i < from.size() && i < to.size() && from[i] == to[i]; ++i)
    if (from[i] == '/') common = i + 1;
  std::string out;
  for (std::size_t i = common; i < from.size(); ++i)
    if (from[i] == '/') out += "../";
  out += to.substr(common);
  return out;
}

MirrorLinks relative_links(std::string_view body, std::string_view file,
                           std::string_view live_origin) {
  MirrorLinks out;
  out.body.reserve(body.size());
  std::size_t done = 0;
  for (std::size_t at = body.find("=\"/"); at != std::string_view::npos;
       at = body.find("=\"/", at + 1)) {
    // Only the attributes that name a place to go or a file to load.
    std::string_view before = body.substr(0, at);
    if (!before.ends_with(" href") && !before.ends_with(" src") && !before.ends_with(" action"))
      continue;
    std::size_t start = at + 2;
    std::size_t end = body.find('"', start);
    if (end == std::string_view::npos) break;
    std::string url = decode_entities(body.substr(start, end - start));
    if (url.starts_with("//")) continue;  // another host, scheme-relative
    std::string fragment;
    if (auto hash = url.find('#'); hash != std::string::npos) fragment = url.substr(hash);
    auto target = mirror_file(url);
    std::string replaced;
    if (target) {
      replaced = relative_link(file, *target) + fragment;
      out.targets.push_back(url.substr(0, url.find('#')));
    } else {
      out.outside.push_back(url);
      if (!live_origin.empty()) {
        replaced = std::string(live_origin) + url;
      } else if (auto page = mirror_file(url.substr(0, url.find_first_of("?#")))) {
        replaced = relative_link(file, *page);  // a filtered list: the whole list
      } else {
        continue;
      }
    }
    out.body.append(body.substr(done, start - done));
    out.body += encode_attribute(replaced);
    done = end;
  }
  out.body.append(body.substr(done));
  return out;
}

}  // namespace jz::web
