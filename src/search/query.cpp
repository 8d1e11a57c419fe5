#include "search/query.hpp"

#include <algorithm>
#include <cctype>

#include "core/utf8.hpp"
#include "search/fold.hpp"

namespace jz::search {
namespace {

constexpr std::size_t kMaxQueryBytes = 1000;
constexpr std::size_t kMaxTerms = 24;

// One code point of the query with where it starts, so messages can say "character 7".
struct Char {
  char32_t c;
  std::size_t start, end;
};

std::vector<Char> decode(std::string_view text) {
  std::vector<Char> out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = next_code_point(text, i);
    out.push_back({c, start, i});
  }
  return out;
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000;
}
bool is_open_quote(char32_t c) {
  return c == '"' || c == U'“' || c == U'「';
}
char32_t closing_quote(char32_t open) {
  return open == U'“' ? U'”' : open == U'「' ? U'」' : '"';
}
bool is_minus(char32_t c) {
  return c == '-' || c == U'－';
}
bool is_colon(char32_t c) {
  return c == ':' || c == U'：';
}

std::string at_char(std::size_t index) {
  return "at character " + std::to_string(index + 1);
}

std::string fields_list() {
  std::string out;
  for (auto f : kQueryFields) out += (out.empty() ? "" : ", ") + std::string(f) + ":";
  return out;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), chars_(decode(text)) {}

  Result<Query> parse() {
    while (true) {
      while (i_ < chars_.size() && is_space(chars_[i_].c)) ++i_;
      if (i_ >= chars_.size()) break;
      Status s = term();
      if (!s) return s;
    }
    bool positive = std::any_of(query_.terms.begin(), query_.terms.end(),
                                [](const QueryTerm& t) { return !t.exclude; });
    if (!positive && query_.filters.empty() && !query_.terms.empty())
      return Status::invalid(
          "add a word to search for: -word only leaves out records that a "
          "search finds, as in 刘晓波 -surveillance");
    if (query_.terms.size() > kMaxTerms)
      return Status::invalid("too many words (" + std::to_string(query_.terms.size()) +
                             "); use at most " + std::to_string(kMaxTerms));
    return std::move(query_);
  }

 private:
  Status term() {
    std::size_t begin = i_;
    QueryTerm t;
    if (is_minus(chars_[i_].c)) {
      t.exclude = true;
      ++i_;
      if (i_ >= chars_.size() || is_space(chars_[i_].c))
        return Status::invalid("\"-\" " + at_char(begin) +
                               " leaves out nothing: write it right before a word, as in "
                               "-surveillance, or remove it");
    }
    // field:value
    std::size_t j = i_;
    while (j < chars_.size() && chars_[j].c < 0x80 && std::isalpha(static_cast<int>(chars_[j].c)))
      ++j;
    if (j > i_ && j < chars_.size() && is_colon(chars_[j].c)) {
      std::string field = lower(slice(i_, j));
      bool known = std::find(std::begin(kQueryFields), std::end(kQueryFields), field) !=
                   std::end(kQueryFields);
      bool url = j + 2 < chars_.size() && chars_[j + 1].c == '/' && chars_[j + 2].c == '/';
      if (!known && !url)
        return Status::invalid("unknown field \"" + field + ":\" " + at_char(i_) +
                               "; the fields are " + fields_list() +
                               " (or put the word in quotes to search for it)");
      if (known) {
        i_ = j + 1;
        if (i_ >= chars_.size() || is_space(chars_[i_].c))
          return Status::invalid("\"" + field + ":\" " + at_char(begin) +
                                 " needs a value right after it, as in " + field +
                                 (field == "year"   ? ":2008"
                                  : field == "name" ? ":刘晓波"
                                                    : ":tibet"));
        if (field == "name") {
          t.names_only = true;
        } else {
          if (t.exclude)
            return Status::invalid("\"-" + field + ":\" " + at_char(begin) +
                                   " is not supported; only words and name: can be left out");
          auto value = word_or_phrase(nullptr);
          if (!value) return value.status();
          query_.filters.push_back({field, std::move(*value)});
          return Status::ok();
        }
      }
    }
    auto text = word_or_phrase(&t.phrase);
    if (!text) return text.status();
    t.text = std::move(*text);
    if (fold(t.text).empty()) {
      if (t.phrase || t.names_only)
        return Status::invalid("nothing to search for in \"" + t.text + "\" " + at_char(begin) +
                               ": use letters, digits or characters");
      return Status::ok();  // stray punctuation between words
    }
    query_.terms.push_back(std::move(t));
    return Status::ok();
  }

  // A quoted phrase or a run of non-space characters.
  Result<std::string> word_or_phrase(bool* quoted) {
    if (is_open_quote(chars_[i_].c)) {
      std::size_t open = i_;
      char32_t close = closing_quote(chars_[i_].c);
      std::size_t j = i_ + 1;
      while (j < chars_.size() && chars_[j].c != close && !(close != '"' && chars_[j].c == '"'))
        ++j;
      if (j >= chars_.size())
        return Status::invalid(
            "the quote " + at_char(open) +
            " is not closed: add a closing quote after the phrase, or remove it");
      if (quoted) *quoted = true;
      std::string out = slice(open + 1, j);
      i_ = j + 1;
      return out;
    }
    std::size_t j = i_;
    while (j < chars_.size() && !is_space(chars_[j].c)) ++j;
    std::string out = slice(i_, j);
    i_ = j;
    return out;
  }

  std::string slice(std::size_t from, std::size_t to) const {
    if (from >= to) return "";
    return std::string(text_.substr(chars_[from].start, chars_[to - 1].end - chars_[from].start));
  }
  static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

  std::string_view text_;
  std::vector<Char> chars_;
  std::size_t i_ = 0;
  Query query_;
};

}  // namespace

Result<Query> parse_query(std::string_view text) {
  if (text.size() > kMaxQueryBytes)
    return Status::invalid("the search is too long (" + std::to_string(text.size()) +
                           " bytes); shorten it to " + std::to_string(kMaxQueryBytes));
  return Parser(text).parse();
}

}  // namespace jz::search
