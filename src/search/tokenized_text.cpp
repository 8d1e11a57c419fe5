#include "search/tokenized_text.hpp"

namespace jz::search {

void TokenizedText::tokenize(std::string_view source, TokenizeFor mode) {
  source_ = source;
  bytes_.clear();
  terms_.clear();
  search::tokenize(source, mode,
                   [&](std::string_view term, std::size_t start, std::size_t end, bool colocated) {
                     bytes_ += term;
                     terms_.push_back({static_cast<std::uint32_t>(bytes_.size()),
                                       static_cast<std::uint32_t>(start),
                                       static_cast<std::uint32_t>(end), colocated});
                     return true;
                   });
}

TokenizedText::Term TokenizedText::operator[](std::size_t i) const {
  const Stored& t = terms_[i];
  std::uint32_t begin = i == 0 ? 0 : terms_[i - 1].bytes_end;
  return {std::string_view(bytes_).substr(begin, t.bytes_end - begin), t.start, t.end, t.colocated};
}

}  // namespace jz::search
