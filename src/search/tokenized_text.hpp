#pragma once
// The terms of one text, tokenized once and kept, so that they can be handed to an engine
// later or on another thread (tokenize_ahead.hpp) without tokenizing the text again.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "search/tokenizer.hpp"

namespace jz::search {

class TokenizedText {
 public:
  struct Term {
    std::string_view text;
    std::size_t start = 0, end = 0;  // byte range of the source text it came from
    bool colocated = false;
  };

  // Tokenizes `source`, replacing what was held; keeps the buffers' capacity, so a slot
  // used again and again stops allocating. `source` must outlive the terms' use.
  void tokenize(std::string_view source, TokenizeFor mode);

  std::string_view source() const { return source_; }
  std::size_t size() const { return terms_.size(); }
  Term operator[](std::size_t i) const;

 private:
  struct Stored {
    std::uint32_t bytes_end = 0;  // the term is bytes_[previous bytes_end, bytes_end)
    std::uint32_t start = 0, end = 0;
    bool colocated = false;
  };
  std::string_view source_;
  std::string bytes_;  // every term's bytes back to back
  std::vector<Stored> terms_;
};

}  // namespace jz::search
