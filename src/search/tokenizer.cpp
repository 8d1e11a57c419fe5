#include "search/tokenizer.hpp"

#include <iterator>
#include <string>

#include "search/fold.hpp"

namespace jz::search {
namespace {

constexpr std::size_t kMaxWordBytes = 64;  // longer runs of letters are not words people type

class Tokenizer {
 public:
  Tokenizer(TokenizeFor mode, const TermSink& sink)
      : query_(mode == TokenizeFor::kQuery), sink_(sink) {}

  bool run(std::string_view text) {
    struct Folded {
      char32_t c;
      CharClass k;
    } folded[detail::kMaxFolded];
    for (std::size_t at = 0; at < text.size() && ok_;) {
      std::size_t n = 0;
      std::size_t next = fold_next(text, at, [&](char32_t c, CharClass k) {
        folded[n++] = {c, k};  // fold_next emits at most kMaxFolded
      });
      // Every term from one cluster (㍿ folds to 株式会社) points at the whole cluster.
      for (std::size_t i = 0; i < n; ++i) take(folded[i].c, folded[i].k, at, next);
      at = next;
    }
    end_word();
    end_run();
    return ok_;
  }

  // Whether the last term emitted was the unigram of a run of one ideograph.
  bool ended_in_lone_ideograph() const { return lone_last_; }

 private:
  struct Ideograph {
    char32_t c = 0;
    std::size_t start = 0, end = 0;
  };

  void take(char32_t c, CharClass k, std::size_t start, std::size_t end) {
    switch (k) {
      case CharClass::kWord:
        end_run();
        if (word_.empty()) word_start_ = start;
        if (word_.size() < kMaxWordBytes) append_utf8(word_, c);
        word_end_ = end;
        break;
      case CharClass::kIdeograph:
        end_word();
        add_ideograph({c, start, end});
        break;
      case CharClass::kNameDot:
        if (!has_last_) end_word();  // inside a run of ideographs it joins; elsewhere it breaks
        break;
      case CharClass::kBreak:
        // A plain space inside a run joins it like a name dot (伊力哈木 土赫提 is one run);
        // a line break, a tab or punctuation ends it.
        if (c == U' ' && has_last_) break;
        end_word();
        end_run();
        break;
    }
  }

  void add_ideograph(const Ideograph& next) {
    if (!has_last_) {
      last_ = next;
      has_last_ = true;
      run_length_ = 1;
      return;
    }
    // A pair: the bigram last_ next, at last_'s position (documents and queries alike).
    term_.clear();
    append_utf8(term_, last_.c);
    append_utf8(term_, next.c);
    emit(term_, last_.start, next.end, false);
    last_ = next;
    ++run_length_;
  }

  void end_run() {
    if (!has_last_) return;
    has_last_ = false;
    term_.clear();
    append_utf8(term_, last_.c);
    if (!query_ || run_length_ == 1) {
      // A document's run ends with its last character alone; a run of one is just that.
      emit(term_, last_.start, last_.end, false);
      lone_last_ = ok_ && run_length_ == 1;
    } else {
      // Only needed to keep a phrase's positions aligned when more terms follow.
      pending_ = term_;
      pending_start_ = last_.start;
      pending_end_ = last_.end;
      has_pending_ = true;
    }
  }

  void end_word() {
    if (word_.empty()) return;
    emit(word_, word_start_, word_end_, false);
    word_.clear();
  }

  void emit(const std::string& term, std::size_t start, std::size_t end, bool colocated) {
    if (!ok_) return;
    if (has_pending_ && !colocated) {
      has_pending_ = false;
      ok_ = sink_(pending_, pending_start_, pending_end_, false);
      if (!ok_) return;
    }
    ok_ = sink_(term, start, end, colocated);
    lone_last_ = false;
  }

  bool query_;
  const TermSink& sink_;
  bool ok_ = true;

  std::string word_;
  std::size_t word_start_ = 0, word_end_ = 0;

  Ideograph last_;
  bool has_last_ = false;
  std::size_t run_length_ = 0;

  std::string term_, pending_;
  std::size_t pending_start_ = 0, pending_end_ = 0;
  bool has_pending_ = false;
  bool lone_last_ = false;
};

}  // namespace

bool tokenize(std::string_view text, TokenizeFor mode, const TermSink& sink) {
  return Tokenizer(mode, sink).run(text);
}

bool ends_in_lone_ideograph(std::string_view text) {
  // The query tokenization itself, so that the answer cannot drift from the terms: a
  // longer run's last character is only emitted when more terms follow, so the last
  // term is a single ideograph exactly when the text's last run has one character.
  const TermSink ignore = [](std::string_view, std::size_t, std::size_t, bool) { return true; };
  Tokenizer tokenizer(TokenizeFor::kQuery, ignore);
  tokenizer.run(text);
  return tokenizer.ended_in_lone_ideograph();
}

}  // namespace jz::search
