// Field-level diff of two record revisions: one walk over both JSON trees, with a longest
// common subsequence to match array elements.
#include "core/record_diff.hpp"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace jz {
namespace {

// Ordered, so members are visited in the canonical key order and changes come out in
// document order.
using Json = nlohmann::ordered_json;

// Above this many cells the LCS table costs more than it is worth (a record's arrays are
// short); the unmatched middle is then compared by position.
constexpr std::size_t kMaxLcsCells = std::size_t{1} << 22;

// Never throws: bad UTF-8 cannot come out of the parser, and would be replaced if it did.
std::string compact(const Json& v) {
  return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}
std::string text_of(const Json& v) {
  return v.is_string() ? v.get<std::string>() : compact(v);
}

// RFC 6901: "~" and "/" inside a key are escaped.
std::string child(const std::string& path, const std::string& key) {
  std::string out = path + "/";
  for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return out;
}
std::string child(const std::string& path, std::size_t index) {
  return path + "/" + std::to_string(index);
}

class Differ {
 public:
  std::vector<FieldChange> changes;

  // Either side may be null (absent). The canonical form leaves empty objects and arrays
  // out, so an absent container is compared as an empty one of the other side's type.
  void value(const std::string& path, const Json* b, const Json* a) {
    if (path == "/revision" || path == "/updated") return;  // bumped on every revision
    const Json& like = b ? *b : *a;
    if ((!b || !a || b->type() == a->type()) && (like.is_object() || like.is_array())) {
      const Json empty = like.is_object() ? Json::object() : Json::array();
      const Json& bv = b ? *b : empty;
      const Json& av = a ? *a : empty;
      if (like.is_object())
        object(path, *bv.get_ptr<const Json::object_t*>(), *av.get_ptr<const Json::object_t*>());
      else
        array(path, bv, av);
    } else if (!b) {
      added(path, *a);
    } else if (!a) {
      removed(path, *b);
    } else if (*b != *a) {
      changes.push_back({.path = path, .before = text_of(*b), .after = text_of(*a)});
    }
  }

 private:
  void added(const std::string& path, const Json& v) {
    changes.push_back({.path = path, .after = text_of(v), .kind = FieldChange::Kind::kAdded});
  }
  void removed(const std::string& path, const Json& v) {
    changes.push_back({.path = path, .before = text_of(v), .kind = FieldChange::Kind::kRemoved});
  }

  // Keys in the new order, each key only in the old record placed after the key it
  // followed there, so a removed field shows where it was.
  void object(const std::string& path, const Json::object_t& b, const Json::object_t& a) {
    auto next = b.begin();  // first old member not yet visited
    auto old_only_until = [&](Json::object_t::const_iterator stop) {
      for (; next < stop; ++next)
        if (!a.count(next->first)) value(child(path, next->first), &next->second, nullptr);
    };
    for (const auto& [key, av] : a) {
      auto old = b.find(key);
      if (old == b.end()) {
        value(child(path, key), nullptr, &av);
        continue;
      }
      // Behind `next` only if the texts are not canonical; removed keys then come later.
      if (old >= next) {
        old_only_until(old);
        next = old + 1;
      }
      value(child(path, key), &old->second, &av);
    }
    old_only_until(b.end());
  }

  // Elements equal as a whole are matched by LCS; between two matches, the old elements
  // left over are removed and the new ones added, except that objects at the same place on
  // both sides are paired and compared member by member.
  void array(const std::string& path, const Json& b, const Json& a) {
    std::vector<std::string> bs, as;
    for (const auto& e : b) bs.push_back(compact(e));
    for (const auto& e : a) as.push_back(compact(e));
    // A common prefix and suffix match without the table; edits are usually small.
    std::size_t lo = 0, nb = bs.size(), na = as.size();
    while (lo < nb && lo < na && bs[lo] == as[lo]) ++lo;
    while (nb > lo && na > lo && bs[nb - 1] == as[na - 1]) --nb, --na;
    const std::size_t rows = nb - lo, cols = na - lo;

    // lcs[i][j]: length of the LCS of bs[lo+i..nb) and as[lo+j..na).
    std::vector<std::uint32_t> lcs;
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
      return lcs[i * (cols + 1) + j];
    };
    const bool match = (rows + 1) * (cols + 1) <= kMaxLcsCells;
    if (match) {
      lcs.assign((rows + 1) * (cols + 1), 0);
      for (std::size_t i = rows; i-- > 0;)
        for (std::size_t j = cols; j-- > 0;)
          at(i, j) = bs[lo + i] == as[lo + j] ? at(i + 1, j + 1) + 1
                                              : std::max(at(i + 1, j), at(i, j + 1));
    }

    std::vector<std::size_t> gone, come;  // indices into b and a since the last match
    auto flush = [&] {
      std::size_t k = 0;
      for (; k < gone.size() && k < come.size() && b[gone[k]].is_object() && a[come[k]].is_object();
           ++k)
        value(child(path, come[k]), &b[gone[k]], &a[come[k]]);
      for (std::size_t r = k; r < gone.size(); ++r) removed(child(path, gone[r]), b[gone[r]]);
      for (std::size_t r = k; r < come.size(); ++r) added(child(path, come[r]), a[come[r]]);
      gone.clear();
      come.clear();
    };
    std::size_t i = 0, j = 0;
    while (i < rows || j < cols) {
      if (match && i < rows && j < cols && bs[lo + i] == as[lo + j]) {
        flush();
        ++i, ++j;
      } else if (j == cols || (i < rows && (!match || at(i + 1, j) >= at(i, j + 1)))) {
        gone.push_back(lo + i++);
      } else {
        come.push_back(lo + j++);
      }
    }
    flush();
  }
};

Status parse_side(std::string_view text, const char* side, Json& out) {
  if (text.empty()) {  // no record on this side
    out = Json::object();
    return Status::ok();
  }
  try {
    out = Json::parse(text);
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    return Status::invalid(std::string(side) + ": byte " + std::to_string(e.byte) +
                           ": not valid JSON (" + what.substr(what.find(':') + 2) + ")");
  } catch (const Json::exception& e) {  // e.g. a number too large for a double
    std::string what = e.what();
    return Status::invalid(std::string(side) + ": not valid JSON (" +
                           what.substr(what.find(']') + 2) + ")");
  }
  if (!out.is_object()) return Status::invalid(std::string(side) + ": not a JSON object");
  return Status::ok();
}

}  // namespace

Result<std::vector<FieldChange>> diff_records(std::string_view before_json,
                                              std::string_view after_json) {
  Json b, a;
  JZ_RETURN_IF_ERROR(parse_side(before_json, "before", b));
  JZ_RETURN_IF_ERROR(parse_side(after_json, "after", a));
  Differ differ;
  differ.value("", &b, &a);
  return std::move(differ.changes);
}

}  // namespace jz
