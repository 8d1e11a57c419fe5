#pragma once
// A prisoner list for an opportunity as a printable document: the same bilingual rows (names
// in characters, pinyin and English; status, charges, sentence, facility, health, when last
// verified) as CSV, JSON or PDF. The HTML list on the site shows these rows too, and the
// priorities page offers its whole ranking as the same CSV.
#include <string>
#include <vector>

#include "i18n/messages.hpp"
#include "publish/prisoner_list.hpp"

namespace jz::publish {

struct PrisonerRow {
  std::string id = {};
  Text name = {};  // zh as written, en
  std::string pinyin = {};
  Text status = {};
  Text charges = {};
  Text sentence = {};
  Text facility = {};
  Text health = {};
  std::string verified = {};  // the status's last verification, as written ("2011-01-17")
  double priority = 0;
  bool chosen = false;
};

std::vector<PrisonerRow> prisoner_rows(const std::vector<Prisoner>& prisoners,
                                       const i18n::Messages& messages);

// RFC 4180 with a header line; UTF-8 with a byte order mark, so spreadsheet programs read the
// Chinese correctly.
std::string prisoners_csv(const PrisonerList& list, const i18n::Messages& messages);
// The same columns but "chosen", for every detained person in the order of `ranked` (the
// priorities page's whole ranking).
std::string ranking_csv(const std::vector<Prisoner>& ranked, const i18n::Messages& messages);
std::string prisoners_json(const PrisonerList& list, const i18n::Messages& messages);
// A4 landscape, both languages in each cell. Dated by the latest change to the data it
// shows (the opportunity, the persons), so the same list gives the same bytes.
Result<std::string> prisoners_pdf(const PrisonerList& list, const i18n::Messages& messages);

}  // namespace jz::publish
