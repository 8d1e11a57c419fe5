#pragma once
// Possible duplicates among person records: records that share a name once folded the way
// search folds it (fold.hpp), and Chinese names against Latin ones through the toneless
// pinyin search gives them (pinyin.hpp). 劉曉波, 刘晓波, "Liu Xiaobo", "liuxiaobo" and
// "Liú Xiǎobō" are one name; "Liu Xia" is another. The list is for a documenter to review
// before merging; nothing here reads or writes the store.
//
// How a name becomes keys:
//   - A name is cut at brackets ( ) （ ） [ ] { } 【 】 〔 〕 into parts, each a name of its own:
//     谢丰夏（谢文飞） is 谢丰夏 and 谢文飞, 阿可拜尔•伊明（AkbarImin） is 阿可拜尔伊明 and
//     akbarimin (imported lists write aliases that way).
//   - A part's ideographs, folded (Simplified, NFKC) with everything between them dropped
//     (name dots • · ‧ ・ -, spaces, punctuation such as ﹒), are its Chinese key: 伊力哈木·土赫提
//     and 伊力哈木-土赫提 are 伊力哈木土赫提. Its letters, folded (case, full width, diacritics)
//     and joined, are its letter key: "Ilham Tohti", "ILHAM-TOHTI" are ilhamtohti.
//   - A Chinese key of a part whose every character has a reading also gives a pinyin key,
//     its name_pinyin() without spaces (刘晓波 -> liuxiaobo), compared with letter keys.
//     name_pinyin gives one reading per character (the first one read as a surname: 曾
//     zeng), so a Latin name spelt with another reading of a polyphonic character is not
//     found.
//   - Keys of one ideograph or one letter (王, "X") give no pairs: too weak to mean anything.
//
// Which records pair:
//   - Two records (distinct ids; entries with the same id are one record, never a pair
//     with itself) pair when they hold the same Chinese key, or the same letter key where
//     at least one of them holds it through a name in letters.
//   - Homophones are not pairs: when both records have a Chinese name that reads as the
//     shared letter key (刘晓波 and 柳小波 both read liuxiaobo), their characters differ
//     (or they would pair by them), which says more than the sound, so that key does not
//     pair them, even if both also carry the spelling "Liu Xiaobo". Two Chinese names
//     never pair by pinyin alone.
//   - A key held by more than `max_records_per_key` records (a common name, a surname on
//     its own) gives no pairs at all, rather than some of them: a name that many people
//     share is no evidence that two of them are one, and pairs kept by input order would
//     change as records are added. Such records still pair through their other names.
//   - Each pair appears once, with its strongest reason: the same characters as written
//     ("same name: 刘晓波"), then the same after Traditional -> Simplified ("same name in
//     Simplified: 刘晓波"), then the same letters ("same spelling: ilham tohti"), then a
//     Chinese name's pinyin against letters ("same pinyin: liu xiao bo").
#include <cstddef>
#include <string>
#include <vector>

namespace jz::search {

// A person's names in any script: Text name (zh, zh_hant, en) and every alias name.
struct NamedRecord {
  std::string id = {};
  std::vector<std::string> names = {};
};

struct DuplicatePair {
  std::string a = {}, b = {};  // record ids, a < b
  std::string key = {};        // the shared folded form: "刘晓波", "liuxiaobo"
  std::string why = {};        // a short English reason: "same pinyin: liu xiao bo"
};

inline constexpr std::size_t kMaxRecordsPerKey = 20;

// Pairs of records that may be the same person, sorted by (a, b).
std::vector<DuplicatePair> possible_duplicates(const std::vector<NamedRecord>& records,
                                               std::size_t max_records_per_key = kMaxRecordsPerKey);

}  // namespace jz::search
