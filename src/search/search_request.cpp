#include "search/search_request.hpp"

#include <charconv>

#include "search/fold.hpp"

namespace jz::search {
namespace {

// The code of the `<list>.<code>` key whose code or label in any language folds to the
// same as `value`, or failing that the only one whose label starts with it (新疆 for
// 新疆维吾尔自治区). Fails when several start with it.
Result<std::optional<std::string>> find_code(std::string_view field, std::string_view value,
                                             std::initializer_list<std::string_view> lists,
                                             const i18n::Messages& messages) {
  std::string wanted = fold(value);
  std::vector<std::pair<std::string, std::string>> starts;  // code, label
  for (const auto& key : messages.keys()) {
    for (auto list : lists) {
      if (key.size() <= list.size() + 1 || key.compare(0, list.size(), list) != 0 ||
          key[list.size()] != '.')
        continue;
      std::string code = key.substr(list.size() + 1);
      if (fold(code) == wanted) return std::optional<std::string>(code);
      for (auto lang : {i18n::Lang::kZhHans, i18n::Lang::kZhHant, i18n::Lang::kEn}) {
        std::string label = fold(messages.get(lang, key));
        if (label == wanted) return std::optional<std::string>(code);
        if (label.starts_with(wanted) && (starts.empty() || starts.back().first != code))
          starts.emplace_back(code, std::string(messages.get(lang, key)));
      }
    }
  }
  if (starts.size() > 1)
    return Status::invalid(std::string(field) + ":" + std::string(value) + " could be " +
                           starts[0].second + " or " + starts[1].second + "; write more of it");
  if (starts.size() == 1) return std::optional<std::string>(starts[0].first);
  return std::optional<std::string>();
}

bool parse_year(std::string_view text, int* year) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *year);
  return ec == std::errc() && end == text.data() + text.size() && *year >= 1 && *year <= 9999;
}

Status years(std::string_view value, SearchRequest& request) {
  std::size_t dash = value.find('-');
  std::size_t dots = value.find("..");
  std::string_view from = value, to = value;
  if (dots != std::string_view::npos) {
    from = value.substr(0, dots), to = value.substr(dots + 2);
  } else if (dash != std::string_view::npos) {
    from = value.substr(0, dash), to = value.substr(dash + 1);
  }
  bool ok = (from.empty() || parse_year(from, &request.year_from)) &&
            (to.empty() || parse_year(to, &request.year_to)) && !(from.empty() && to.empty());
  if (!ok)
    return Status::invalid("year:" + std::string(value) +
                           " is not a year or a range of years; write year:2008 or year:2008-2012");
  if (request.year_to && request.year_from > request.year_to)
    return Status::invalid("year:" + std::string(value) +
                           " ends before it starts; write year:" + std::to_string(request.year_to) +
                           "-" + std::to_string(request.year_from));
  return Status::ok();
}

}  // namespace

Result<SearchRequest> make_request(std::string_view text, const i18n::Messages& messages) {
  auto query = parse_query(text);
  if (!query) return query.status();
  SearchRequest request;
  for (const auto& f : query->filters) {
    if (f.field == "year") {
      JZ_RETURN_IF_ERROR(years(f.value, request));
      continue;
    }
    Result<std::optional<std::string>> code = std::optional<std::string>();
    const char* example = "";
    if (f.field == "province") {
      code = find_code(f.field, f.value, {"province"}, messages), example = "新疆 or xinjiang";
    } else if (f.field == "kind") {
      code = find_code(f.field, f.value, {"kind"}, messages), example = "person, case or facility";
    } else if (f.field == "status") {
      code = find_code(f.field, f.value, {"person_status", "case_status"}, messages);
      example = "detained, released or sentenced";
    }
    if (!code) return code.status();
    if (!*code)
      return Status::invalid("no " + f.field + " called \"" + f.value + "\"; use a name such as " +
                             example);
    request.filters.push_back({f.field, **code});
  }
  request.query = std::move(*query);
  return request;
}

}  // namespace jz::search
