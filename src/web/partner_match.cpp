#include "web/partner_match.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace jz::web {
namespace {

using namespace std::string_view_literals;

bool has(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// An ethnicity is written as text in any language: 维吾尔族, 維吾爾族, Uyghur, Uighur ...
bool mentions(const Text& t, std::initializer_list<std::string_view> zh,
              std::initializer_list<std::string_view> en) {
  const std::string hans = t.zh, hant = t.zh_hant, english = lower(t.en);
  for (auto w : zh)
    if (hans.find(w) != std::string::npos || hant.find(w) != std::string::npos) return true;
  for (auto w : en)
    if (english.find(w) != std::string::npos) return true;
  return false;
}

bool is_han(const Text& t) {
  constexpr std::array kHan{"汉"sv, "漢"sv, "汉族"sv, "漢族"sv};
  for (const std::string* s : {&t.zh, &t.zh_hant})
    if (std::find(kHan.begin(), kHan.end(), *s) != kHan.end()) return true;
  const std::string en = lower(t.en);
  return en == "han" || en == "han chinese";
}

// The flag each need is kept in, with its key.
struct Need {
  std::string_view key;
  bool CaseNeeds::*flag;
};
constexpr std::array kNeeds{
    Need{"charges", &CaseNeeds::charges},   Need{"death_sentence", &CaseNeeds::death_sentence},
    Need{"torture", &CaseNeeds::torture},   Need{"minority", &CaseNeeds::minority},
    Need{"xinjiang", &CaseNeeds::xinjiang}, Need{"tibet", &CaseNeeds::tibet},
    Need{"religion", &CaseNeeds::religion}, Need{"speech", &CaseNeeds::speech},
    Need{"labour", &CaseNeeds::labour},     Need{"eviction", &CaseNeeds::eviction},
};

// An expertise that counts when the case has a need (or always, with no flag).
struct ExpertiseRule {
  std::string_view expertise;
  bool CaseNeeds::*need;  // nullptr: always
  std::string_view because;
  int points;
};
constexpr std::array kExpertise{
    ExpertiseRule{"death_penalty", &CaseNeeds::death_sentence, "death_sentence", 5},
    ExpertiseRule{"criminal_defence", &CaseNeeds::charges, "charges", 3},
    ExpertiseRule{"torture_redress", &CaseNeeds::torture, "torture", 3},
    ExpertiseRule{"ethnic_minorities", &CaseNeeds::minority, "minority", 3},
    ExpertiseRule{"religious_freedom", &CaseNeeds::religion, "religion", 2},
    ExpertiseRule{"media_and_speech", &CaseNeeds::speech, "speech", 2},
    ExpertiseRule{"labour", &CaseNeeds::labour, "labour", 2},
    ExpertiseRule{"land_and_housing", &CaseNeeds::eviction, "eviction", 2},
    ExpertiseRule{"un_mechanisms", nullptr, "always", 1},
};

// A language, by any of its ISO 639 codes, that counts when the case has a need.
struct LanguageRule {
  std::array<std::string_view, 4> codes;  // 639-1, 639-2/T, 639-2/B, 639-3 ("" when none)
  bool CaseNeeds::*need;                  // nullptr: always
  std::string_view because;
  int points;
};
constexpr std::array kLanguages{
    LanguageRule{{"zh", "zho", "chi", "cmn"}, nullptr, "always", 3},
    LanguageRule{{"ug", "uig", "", ""}, &CaseNeeds::xinjiang, "xinjiang", 3},
    LanguageRule{{"bo", "bod", "tib", ""}, &CaseNeeds::tibet, "tibet", 3},
};

}  // namespace

CaseNeeds case_needs(const Case& c, const std::vector<Event>& events,
                     const std::vector<Person>& persons) {
  CaseNeeds n;
  n.charges = !c.charges.empty();
  n.death_sentence = c.sentence.type == "death" || c.sentence.type == "death_suspended";
  for (const auto& e : events) {
    if (e.type == "torture_reported") n.torture = true;
    if (e.type == "forced_eviction") n.eviction = true;
  }
  for (const auto& p : persons) {
    bool uyghur = mentions(p.ethnicity, {"维吾尔", "維吾爾"}, {"uyghur", "uighur"});
    bool tibetan = mentions(p.ethnicity, {"藏族"}, {"tibetan"});
    if (p.province == "xinjiang" || uyghur) n.xinjiang = true;
    if (p.province == "tibet" || tibetan) n.tibet = true;
    if (has(p.groups, "ethnic_minority") || (!p.ethnicity.empty() && !is_han(p.ethnicity)) ||
        p.province == "xinjiang" || p.province == "tibet")
      n.minority = true;
    if (has(p.groups, "religious_believer") || has(p.groups, "falun_gong_practitioner"))
      n.religion = true;
    if (has(p.groups, "journalist") || has(p.groups, "writer") || has(p.groups, "blogger"))
      n.speech = true;
    if (has(p.groups, "worker") || has(p.groups, "migrant_worker")) n.labour = true;
  }
  return n;
}

std::vector<std::string_view> needs_list(const CaseNeeds& needs) {
  std::vector<std::string_view> out;
  for (const auto& n : kNeeds)
    if (needs.*n.flag) out.push_back(n.key);
  return out;
}

std::optional<PartnerMatch> match_partner(const Lawyer& lawyer, const CaseNeeds& needs) {
  if (!lawyer.foreign || lawyer.availability == "unavailable") return std::nullopt;
  PartnerMatch m;
  auto add = [&](std::string_view what, std::string_view value, std::string_view because,
                 int points) {
    m.reasons.push_back({what, value, because, points});
    m.score += points;
  };
  for (const auto& rule : kExpertise) {
    if (rule.need && !(needs.*rule.need)) continue;
    auto found = std::find(lawyer.expertise.begin(), lawyer.expertise.end(), rule.expertise);
    if (found != lawyer.expertise.end()) add("expertise", *found, rule.because, rule.points);
  }
  for (const auto& rule : kLanguages) {
    if (rule.need && !(needs.*rule.need)) continue;
    // The first of the lawyer's codes for this language: zh and cmn together count once.
    auto found = std::find_if(
        lawyer.languages.begin(), lawyer.languages.end(), [&](const std::string& code) {
          return std::find(rule.codes.begin(), rule.codes.end(), code) != rule.codes.end();
        });
    if (found != lawyer.languages.end()) add("language", *found, rule.because, rule.points);
  }
  if (lawyer.availability == "available") add("availability", lawyer.availability, "", 2);
  if (lawyer.availability == "limited") add("availability", lawyer.availability, "", 1);
  return m;
}

}  // namespace jz::web
