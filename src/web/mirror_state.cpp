#include "web/mirror_state.hpp"

#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace jz::web {
namespace {

using nlohmann::json;
constexpr int kFormat = 4;  // 3: the "n" line; 4: the "b" lines

// `kind`, a tab and `s` with its backslashes and line breaks escaped, as one line.
void append_line(char kind, std::string_view s, std::string& out) {
  out += kind;
  out += '\t';
  for (char c : s) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  out += '\n';
}

// Every page links to the same navigation, so each string is written once, on an "s" line
// before the first page that uses it, and pages name strings by number: a tenth of the bytes
// of a JSON line per page, and no JSON to parse for them.
class StringTable {
 public:
  // Numbers from `first` (after the strings of the state read, which come first); `expected`:
  // about how many strings there will be, so the table is not grown again and again.
  StringTable(std::size_t first, std::size_t expected) : next_(first) {
    numbers_.reserve(expected);
  }

  // The string's number, writing its "s" line first when it is new.
  std::size_t number(std::string_view s, std::string& out) {
    if (auto it = numbers_.find(s); it != numbers_.end()) return it->second;
    append_line('s', s, out);
    return numbers_.emplace(s, next_++).first->second;
  }

  std::size_t size() const { return next_; }

 private:
  // Views of the strings being written, which outlive the table.
  std::unordered_map<std::string_view, std::size_t> numbers_;
  std::size_t next_ = 0;
};

std::string unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      out += s[i + 1] == 'n' ? '\n' : s[i + 1];
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The next tab-separated field of `line` from `at`; past the end, "" and `at` beyond
// line.size() + 1, which the caller's last check rejects.
std::string_view next_field(std::string_view line, std::size_t& at) {
  if (at > line.size()) {
    at = line.size() + 2;
    return {};
  }
  std::size_t end = std::min(line.find('\t', at), line.size());
  std::string_view f = line.substr(at, end - at);
  at = end + 1;
  return f;
}

bool number_of(std::string_view s, std::uint64_t& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

// "3,17,42" -> those strings of the table.
bool strings_of(std::string_view field, const std::vector<std::string>& table, StringList& out) {
  if (field.empty()) return true;
  for (std::size_t at = 0; at <= field.size();) {
    std::size_t end = std::min(field.find(',', at), field.size());
    std::uint64_t n = 0;
    if (!number_of(field.substr(at, end - at), n) || n >= table.size()) return false;
    out.push_back(table[n]);
    at = end + 1;
  }
  return true;
}

Result<MirrorPageState> page_of(std::string_view line, const std::vector<std::string>& table) {
  const auto bad = Status::corrupt(
      "not a page (p URL FILE SIZE BLAKE2B TODAY READS LINKS OUTSIDE, strings by number)");
  MirrorPageState p;
  std::size_t at = 2;  // past "p\t"
  std::uint64_t url = 0, file = 0;
  if (!number_of(next_field(line, at), url) || url >= table.size() ||
      !number_of(next_field(line, at), file) || file >= table.size() ||
      !number_of(next_field(line, at), p.size) || !from_hex(next_field(line, at), p.blake2b))
    return bad;
  auto today = next_field(line, at);
  if (today != "0" && today != "1") return bad;
  p.today = today == "1";
  if (!strings_of(next_field(line, at), table, p.reads) ||
      !strings_of(next_field(line, at), table, p.links) ||
      !strings_of(next_field(line, at), table, p.outside) || at != line.size() + 1)
    return bad;
  p.url = table[url];
  p.file = table[file];
  return p;
}

}  // namespace

std::filesystem::path mirror_state_path(const std::filesystem::path& mirror) {
  auto p = mirror.lexically_normal();
  if (!p.has_filename()) p = p.parent_path();
  return p.string() + ".publish-state";
}

Result<MirrorState> read_mirror_state(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found(path.string() + ": cannot read it");
  MirrorState state;
  auto strings = std::make_shared<MirrorStateStrings>();
  std::vector<std::string> table;
  std::optional<std::size_t> numbered;
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    const std::string at = path.string() + ", line " + std::to_string(n) + ": ";
    if (n == 1) {
      auto j = json::parse(line, nullptr, false);
      if (!j.is_object() || j.value("format", 0) != kFormat || !j.contains("renderer") ||
          !j["renderer"].is_string() || !j.contains("generation") ||
          !j["generation"].is_number_integer() || !j.contains("head_hash") ||
          !j["head_hash"].is_string() || !j.contains("day") || !j["day"].is_number_integer())
        return Status::corrupt(at + "not the header of a publish state (format " +
                               std::to_string(kFormat) + ")");
      state.renderer = j["renderer"].get<std::string>();
      state.generation = j["generation"].get<std::int64_t>();
      state.head_hash = j["head_hash"].get<std::string>();
      state.day = j["day"].get<std::int64_t>();
    } else if (line.starts_with("s\t")) {
      table.push_back(unescape(std::string_view(line).substr(2)));
      strings->lines.append(line).append(1, '\n');
    } else if (line.starts_with("p\t")) {
      auto page = page_of(line, table);
      if (!page) return Status::corrupt(at + page.status().message());
      page->line = std::move(line);
      state.pages.push_back(std::move(*page));
    } else if (line.starts_with("b\t")) {
      state.broken_links.push_back(unescape(std::string_view(line).substr(2)));
    } else if (std::uint64_t count = 0; line.starts_with("n\t") && !numbered &&
                                        number_of(std::string_view(line).substr(2), count) &&
                                        count <= table.size()) {
      numbered = count;
    } else {
      return Status::corrupt(at +
                             "not a string (s), a page (p), a broken link (b) or the strings "
                             "numbered (n)");
    }
  }
  if (n == 0) return Status::corrupt(path.string() + ": empty");
  strings->count = table.size();
  strings->numbered = numbered.value_or(table.size());
  if (!state.pages.empty()) state.strings = std::move(strings);
  return state;
}

Status write_mirror_state(const std::filesystem::path& path, const MirrorState& state) {
  // The strings the pages' lines number, unless so many of them are left over that they are
  // better numbered afresh.
  const MirrorStateStrings* earlier = state.strings.get();
  if (earlier && earlier->count > 2 * earlier->numbered) earlier = nullptr;
  const auto partial = path.string() + ".partial";
  bool written = false;
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << json{{"format", kFormat},
                {"renderer", state.renderer},
                {"generation", state.generation},
                {"head_hash", state.head_hash},
                {"day", state.day}}
               .dump()
        << '\n';
    // Pages numbered now do not look their strings up among the earlier ones: that took a
    // table of every string of the state (600,000 at 20,000 records) to number the few pages
    // a change renders. A string they share with a page taken is written again, under a new
    // number; such repeats count towards numbering everything afresh, as strings left over do.
    StringTable table =
        earlier ? StringTable(earlier->count, 64) : StringTable(0, 3 * state.pages.size());
    if (earlier) out << earlier->lines;
    std::string strings, line;
    auto list = [&](const StringList& items) {
      line += '\t';
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) line += ',';
        line += std::to_string(table.number(items[i], strings));
      }
    };
    for (const auto& p : state.pages) {
      // A line that does not carry the page's hash is not the page's any more.
      if (earlier && !p.line.empty() && p.line.find(to_hex(p.blake2b)) != std::string::npos) {
        out << p.line << '\n';
        continue;
      }
      strings.clear();
      line = "p\t" + std::to_string(table.number(p.url, strings)) + '\t' +
             std::to_string(table.number(p.file, strings)) + '\t' + std::to_string(p.size) + '\t' +
             to_hex(p.blake2b) + '\t' + (p.today ? "1" : "0");
      list(p.reads);
      list(p.links);
      list(p.outside);
      out << strings << line << '\n';
    }
    std::string broken;
    for (const auto& url : state.broken_links) append_line('b', url, broken);
    out << broken << "n\t" << (earlier ? earlier->numbered : table.size()) << '\n';
    out.close();
    written = !!out;
  }
  // What failed is not left behind: it names hidden records, like the state itself.
  std::error_code ec;
  if (!written) {
    std::filesystem::remove(partial, ec);
    return Status::io(partial + ": cannot write (disk full?)");
  }
  std::filesystem::rename(partial, path, ec);
  if (ec) {
    const std::string why = ec.message();
    std::filesystem::remove(partial, ec);
    return Status::io(path.string() + ": " + why);
  }
  return Status::ok();
}

}  // namespace jz::web
