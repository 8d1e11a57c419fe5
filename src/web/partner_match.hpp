#pragma once
// Matching partner lawyers outside China to a case: what the case asks for, read from the
// case, its events and its persons, and one partner's score, which lists its reasons point by
// point so the team can see why one partner ranks above another.
//
// Pure functions over core records, without a store: the workspace's partners page
// (lawyer_pages.cpp) reads the records and tests give them directly. They live here in
// src/web, beside their one caller, rather than in src/monitor: they need nothing but core,
// and src/monitor is the engine of the law's time limits, which this is not.
#include <optional>
#include <string_view>
#include <vector>

#include "core/record.hpp"

namespace jz::web {

// What a case asks of a partner lawyer. Each flag is one fact of the records.
struct CaseNeeds {
  bool charges = false;         // the case has charges
  bool death_sentence = false;  // its sentence is death, or death with a reprieve
  bool torture = false;         // an event of the case is torture_reported
  bool minority = false;        // a person of the case: group ethnic_minority, an ethnicity
                                // other than Han, or from Xinjiang or Tibet
  bool xinjiang = false;        // a person of the case is from Xinjiang, or Uyghur
  bool tibet = false;           // a person of the case is from Tibet, or Tibetan
  bool religion = false;        // a religious believer or Falun Gong practitioner
  bool speech = false;          // a journalist, writer or blogger
  bool labour = false;          // a worker or migrant worker
  bool eviction = false;        // an event of the case is forced_eviction
  bool operator==(const CaseNeeds&) const = default;
};

// The needs of case `c` from the events of the case and the persons it names (those the
// reader may see: a hidden record adds nothing).
CaseNeeds case_needs(const Case& c, const std::vector<Event>& events,
                     const std::vector<Person>& persons);

// The needs that are true, as the keys MatchReason::because uses ("charges", "tibet" ...),
// in the order of CaseNeeds.
std::vector<std::string_view> needs_list(const CaseNeeds& needs);

// One reason a partner scores: what fits, why it counts here, and how much.
struct MatchReason {
  std::string_view what;     // "expertise", "language" or "availability"
  std::string_view value;    // the expertise ("criminal_defence"), the language code as
                             // recorded ("ug"), the availability ("available")
  std::string_view because;  // the need it meets ("charges", "xinjiang"), "always" (UN
                             // mechanisms, Chinese), or "" for availability
  int points = 0;
  bool operator==(const MatchReason&) const = default;
};

struct PartnerMatch {
  int score = 0;                     // the sum of the reasons' points
  std::vector<MatchReason> reasons;  // expertise, then languages, then availability
};

// How well partner `lawyer` fits a case with `needs`; nothing for a lawyer who is not a
// partner outside China (`foreign`) or who is unavailable. Points:
//   expertise  death_penalty 5 (death sentence); criminal_defence 3 (charges);
//              torture_redress 3 (torture); ethnic_minorities 3 (minority);
//              religious_freedom, media_and_speech, labour, land_and_housing 2 each (religion,
//              speech, labour, eviction); un_mechanisms 1 (always)
//   languages  Chinese (zh, zho, chi, cmn) 3, always; Uyghur (ug, uig) 3 for Xinjiang;
//              Tibetan (bo, bod, tib) 3 for Tibet; each language once
//   available  2; limited 1; not recorded 0
// The values a reason names point into `lawyer`, which must outlive the result.
std::optional<PartnerMatch> match_partner(const Lawyer& lawyer, const CaseNeeds& needs);

}  // namespace jz::web
