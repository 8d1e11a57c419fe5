#pragma once
// The tokenizer every index uses (FTS5 through store/fts5_tokenizer.cpp). Text is folded
// (fold.hpp), then:
//   - words of alphabetic scripts become one term each: "Liu Xiaobo" -> liu, xiaobo;
//   - in a document, a run of ideographs c1..cn becomes the bigram c(i)c(i+1) at each of
//     its first n-1 positions and the last character alone at the last one:
//     刘晓波 -> 刘晓 晓波 波; a run of one character is its unigram: 霞 -> 霞;
//   - name dots (• · ‧ ・ -) and plain spaces (U+0020 after folding, so U+3000 too) between
//     two ideographs do not end a run: 伊力哈木·土赫提, 伊力哈木 土赫提 and 伊力哈木土赫提
//     are the same run. A line break, a tab or punctuation ends it, so two names on
//     separate lines never form a bigram.
// A query run of n > 1 characters becomes its n-1 bigrams at consecutive positions, which
// match exactly where the document has the same n characters in a row, whatever n is
// (SQLite's trigram tokenizer finds nothing for n < 3); its last character follows as a
// unigram only when more terms follow in the same phrase, to keep positions aligned. A
// query run of one character is its unigram.
// A document holds a character alone only where it ends a run; elsewhere it is the first
// half of a bigram. So a query whose last run has one character must match that last
// term as a prefix (FTS5: "霞" * finds 霞 and every 霞X, i.e. exactly where 霞 occurs; see
// ends_in_lone_ideograph). Inside a phrase, a unigram followed by more terms matches only
// where the document's run ends there too: punctuation or a line break between two
// ideographs of a quoted phrase must be one in the text as well ("刘晓波，诺贝尔" does not
// match 刘晓波诺贝尔), while a space or a name dot is none ("刘晓波 刘霞" matches
// 刘晓波刘霞, and "刘晓波，刘霞" does not match 刘晓波 刘霞).
#include <cstddef>
#include <functional>
#include <string_view>

namespace jz::search {

enum class TokenizeFor { kDocument, kQuery };

// One term: its folded text, the byte range of the original text it came from, and whether
// it sits at the same position as the term before it (never, since documents have one
// term per position; kept for FTS5's FTS5_TOKEN_COLOCATED). Returning false stops
// tokenizing.
using TermSink =
    std::function<bool(std::string_view term, std::size_t start, std::size_t end, bool colocated)>;

// Returns false when `sink` stopped it.
bool tokenize(std::string_view text, TokenizeFor mode, const TermSink& sink);

// True when the query tokenization of `text` ends with a run of a single ideograph: its
// last term is that character's unigram, which a document holds only where the character
// ends a run, so the engine matches it as a prefix (unigram 霞 or any bigram 霞X).
//   霞, 刘晓波，霞, 刘，霞, 刘晓波\n霞: true
//   刘晓波, 霞 liu, Liú, 伊力哈木·土, 伊力哈木 土 (one run of five): false
bool ends_in_lone_ideograph(std::string_view text);

}  // namespace jz::search
