#include "web/mirror_state.hpp"

#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string_view>

namespace jz::web {
namespace {

using nlohmann::json;
constexpr int kFormat = 5;  // 4: the "b" lines; 5: no "n" line, pages' lines not kept

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
// before the first page that names it, and pages name strings by number: a tenth of the bytes
// of a JSON line per page, and no JSON to parse for them. Numbers are given in the order
// strings are first written, by their numbers in the pool: no string is hashed.
class StringNumbers {
 public:
  explicit StringNumbers(const StringPool& pool) : pool_(pool), numbers_(pool.size(), kNone) {}

  // The string's number, writing its "s" line first when it is new.
  std::uint32_t number(StringPool::Id id, std::string& out) {
    if (id >= numbers_.size()) numbers_.resize(std::size_t{id} + 1, kNone);  // interned since
    auto& n = numbers_[id];
    if (n == kNone) {
      append_line('s', pool_[id], out);
      n = next_++;
    }
    return n;
  }

 private:
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};
  const StringPool& pool_;
  std::vector<std::uint32_t> numbers_;  // by the pool's number
  std::uint32_t next_ = 0;
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

// "3,17,42" -> the pool's numbers of those strings of the file.
bool strings_of(std::string_view field, const std::vector<StringPool::Id>& table,
                std::vector<StringPool::Id>& out) {
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

Result<MirrorPageState> page_of(std::string_view line, const std::vector<StringPool::Id>& table,
                                const StringPool& pool) {
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
  std::vector<StringPool::Id> reads, links, outside;
  if (!strings_of(next_field(line, at), table, reads) ||
      !strings_of(next_field(line, at), table, links) ||
      !strings_of(next_field(line, at), table, outside) || at != line.size() + 1)
    return bad;
  p.url = PooledString(pool, table[url]);
  p.file = PooledString(pool, table[file]);
  p.reads = PooledStrings::of_ids(pool, std::move(reads));
  p.links = PooledStrings::of_ids(pool, std::move(links));
  p.outside = PooledStrings::of_ids(pool, std::move(outside));
  return p;
}

}  // namespace

bool pooled_in(const MirrorPageState& page, const StringPool& pool) {
  for (const auto* list : {&page.reads, &page.links, &page.outside})
    if (!list->empty() && list->pool() != &pool) return false;
  return page.url.pool() == &pool && page.file.pool() == &pool;
}

std::filesystem::path mirror_state_path(const std::filesystem::path& mirror) {
  auto p = mirror.lexically_normal();
  if (!p.has_filename()) p = p.parent_path();
  return p.string() + ".publish-state";
}

Result<MirrorState> read_mirror_state(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found(path.string() + ": cannot read it");
  MirrorState state;
  StringPool& pool = *state.strings;
  std::vector<StringPool::Id> table;  // the pool's number of each string of the file
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
      table.push_back(pool.intern(unescape(std::string_view(line).substr(2))));
    } else if (line.starts_with("p\t")) {
      auto page = page_of(line, table, pool);
      if (!page) return Status::corrupt(at + page.status().message());
      state.pages.push_back(std::move(*page));
    } else if (line.starts_with("b\t")) {
      state.broken_links.push_back(unescape(std::string_view(line).substr(2)));
    } else {
      return Status::corrupt(at + "not a string (s), a page (p) or a broken link (b)");
    }
  }
  if (n == 0) return Status::corrupt(path.string() + ": empty");
  return state;
}

Status write_mirror_state(const std::filesystem::path& path, const MirrorState& state) {
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
    StringNumbers numbers(*state.strings);
    std::string strings, line;
    auto list = [&](const PooledStrings& items) {
      line += '\t';
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) line += ',';
        line += std::to_string(numbers.number(items.ids()[i], strings));
      }
    };
    for (const auto& p : state.pages) {
      if (!pooled_in(p, *state.strings)) {
        out.close();
        std::error_code ec;
        std::filesystem::remove(partial, ec);
        return Status::internal(p.file.str() + ": its strings are not of the state's pool");
      }
      strings.clear();
      // One at a time: the order of the "s" lines is the order of the numbers.
      const auto url = numbers.number(p.url.id(), strings);
      const auto file = numbers.number(p.file.id(), strings);
      line = "p\t" + std::to_string(url) + '\t' + std::to_string(file) + '\t' +
             std::to_string(p.size) + '\t' + to_hex(p.blake2b) + '\t' + (p.today ? "1" : "0");
      list(p.reads);
      list(p.links);
      list(p.outside);
      out << strings << line << '\n';
    }
    std::string broken;
    for (const auto& url : state.broken_links) append_line('b', url, broken);
    out << broken;
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
