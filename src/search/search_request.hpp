#pragma once
// From what a reader typed to a SearchRequest: the query's field filters (province:新疆,
// kind:person, status:detained, year:2008-2012) matched to vocabulary codes by code or by
// their label in any language, folded, so 新疆, 新疆 in Traditional, Xinjiang and xinjiang
// all mean province.xinjiang.
#include <string_view>

#include "i18n/messages.hpp"
#include "search/search_index.hpp"

namespace jz::search {

// Fails with a message that names the value and shows what would work.
Result<SearchRequest> make_request(std::string_view text, const i18n::Messages& messages);

}  // namespace jz::search
