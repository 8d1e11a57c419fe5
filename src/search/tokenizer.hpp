#pragma once
// The tokenizer every index uses (FTS5 through store/fts5_tokenizer.cpp, the scan index
// directly). Text is folded (fold.hpp), then:
//   - words of alphabetic scripts become one term each: "Liu Xiaobo" -> liu, xiaobo;
//   - a run of ideographs becomes a unigram at every position and, at the same position,
//     the bigram starting there: 刘晓波 -> 刘 [刘晓] 晓 [晓波] 波;
//   - name dots inside a run are skipped, so 伊力哈木·土赫提 is one run.
// A query run of n > 1 characters becomes its n-1 bigrams at consecutive positions, which
// match exactly where the document has the same n characters in a row, whatever n is; a
// single character is its unigram. (SQLite's trigram tokenizer finds nothing for n < 3.)
#include <cstddef>
#include <functional>
#include <string_view>

namespace jz::search {

enum class TokenizeFor { kDocument, kQuery };

// One term: its folded text, the byte range of the original text it came from, and whether
// it sits at the same position as the term before it. Returning false stops tokenizing.
using TermSink =
    std::function<bool(std::string_view term, std::size_t start, std::size_t end, bool colocated)>;

// Returns false when `sink` stopped it.
bool tokenize(std::string_view text, TokenizeFor mode, const TermSink& sink);

}  // namespace jz::search
