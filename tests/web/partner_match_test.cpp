// Matching partner lawyers to cases (web/partner_match.hpp), as tables: what a case needs
// from its records, and each partner's score with the reasons that make it up.
#include "web/partner_match.hpp"

#include <gtest/gtest.h>

#include <string>

namespace jz::web {
namespace {

Lawyer partner(std::vector<std::string> expertise, std::vector<std::string> languages,
               std::string availability = "") {
  Lawyer l;
  l.foreign = true;
  l.expertise = std::move(expertise);
  l.languages = std::move(languages);
  l.availability = std::move(availability);
  return l;
}

// "expertise criminal_defence charges +3" per reason, in order.
std::vector<std::string> reasons(const PartnerMatch& m) {
  std::vector<std::string> out;
  for (const auto& r : m.reasons)
    out.push_back(std::string(r.what) + " " + std::string(r.value) +
                  (r.because.empty() ? "" : " " + std::string(r.because)) + " +" +
                  std::to_string(r.points));
  return out;
}

CaseNeeds needs(std::initializer_list<bool CaseNeeds::*> flags) {
  CaseNeeds n;
  for (auto f : flags) n.*f = true;
  return n;
}

TEST(PartnerMatch, ScoresExplainThemselves) {
  struct Row {
    const char* what;
    Lawyer lawyer;
    CaseNeeds needs;
    int score;
    std::vector<std::string> reasons;
  };
  const Row rows[] = {
      {"nothing fits: no points, still listed", partner({"labour"}, {"fr"}), {}, 0, {}},
      {"criminal defence counts only with charges", partner({"criminal_defence"}, {}), {}, 0, {}},
      {"criminal defence, charges",
       partner({"criminal_defence"}, {}),
       needs({&CaseNeeds::charges}),
       3,
       {"expertise criminal_defence charges +3"}},
      {"death penalty weighs most",
       partner({"criminal_defence", "death_penalty"}, {}),
       needs({&CaseNeeds::charges, &CaseNeeds::death_sentence}),
       8,
       {"expertise death_penalty death_sentence +5", "expertise criminal_defence charges +3"}},
      {"torture redress for reported torture",
       partner({"torture_redress"}, {}),
       needs({&CaseNeeds::torture}),
       3,
       {"expertise torture_redress torture +3"}},
      {"UN mechanisms always count a little",
       partner({"un_mechanisms"}, {}),
       {},
       1,
       {"expertise un_mechanisms always +1"}},
      {"ethnic minorities, and Uyghur for Xinjiang",
       partner({"ethnic_minorities"}, {"en", "ug"}),
       needs({&CaseNeeds::minority, &CaseNeeds::xinjiang}),
       6,
       {"expertise ethnic_minorities minority +3", "language ug xinjiang +3"}},
      {"Uyghur does not count for Tibet; Tibetan does",
       partner({}, {"uig", "bod"}),
       needs({&CaseNeeds::tibet}),
       3,
       {"language bod tibet +3"}},
      {"Chinese always counts, once for zh and cmn",
       partner({}, {"cmn", "zh"}),
       {},
       3,
       {"language cmn always +3"}},
      {"available over limited",
       partner({}, {}, "available"),
       {},
       2,
       {"availability available +2"}},
      {"limited", partner({}, {}, "limited"), {}, 1, {"availability limited +1"}},
      {"the other expertises meet the case's people and events",
       partner({"religious_freedom", "media_and_speech", "labour", "land_and_housing", "other"},
               {}),
       needs({&CaseNeeds::religion, &CaseNeeds::speech, &CaseNeeds::labour, &CaseNeeds::eviction}),
       8,
       {"expertise religious_freedom religion +2", "expertise media_and_speech speech +2",
        "expertise labour labour +2", "expertise land_and_housing eviction +2"}},
      {"everything at once",
       partner({"un_mechanisms", "criminal_defence", "ethnic_minorities"}, {"zh", "ug", "en"},
               "available"),
       needs({&CaseNeeds::charges, &CaseNeeds::minority, &CaseNeeds::xinjiang}),
       15,
       {"expertise criminal_defence charges +3", "expertise ethnic_minorities minority +3",
        "expertise un_mechanisms always +1", "language zh always +3", "language ug xinjiang +3",
        "availability available +2"}},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.what);
    auto m = match_partner(row.lawyer, row.needs);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->score, row.score);
    EXPECT_EQ(reasons(*m), row.reasons);
    int sum = 0;
    for (const auto& r : m->reasons) sum += r.points;
    EXPECT_EQ(sum, m->score) << "the score is the sum of its reasons";
  }
}

TEST(PartnerMatch, OnlyPartnersAbroadWhoCanTakeACase) {
  Lawyer unavailable = partner({"criminal_defence"}, {"zh"}, "unavailable");
  EXPECT_FALSE(match_partner(unavailable, needs({&CaseNeeds::charges})));
  Lawyer in_china = partner({"criminal_defence"}, {"zh"}, "available");
  in_china.foreign = false;
  EXPECT_FALSE(match_partner(in_china, needs({&CaseNeeds::charges})));
}

Text text(std::string zh, std::string en = "") {
  Text t;
  t.zh = std::move(zh);
  t.en = std::move(en);
  return t;
}

Person person(std::string province, Text ethnicity, std::vector<std::string> groups = {}) {
  Person p;
  p.province = std::move(province);
  p.ethnicity = std::move(ethnicity);
  p.groups = std::move(groups);
  return p;
}

Event event(std::string type) {
  Event e;
  e.type = std::move(type);
  return e;
}

TEST(PartnerMatch, WhatACaseNeedsComesFromItsRecords) {
  Case charged;
  charged.charges.push_back({.name = text("", "subversion"), .law = "", .article = ""});
  Case death;
  death.sentence.type = "death_suspended";
  struct Row {
    const char* what;
    Case c;
    std::vector<Event> events;
    std::vector<Person> persons;
    std::vector<std::string_view> needs;
  };
  const Row rows[] = {
      {"an empty case needs nothing", {}, {}, {}, {}},
      {"charges", charged, {}, {}, {"charges"}},
      {"a suspended death sentence", death, {}, {}, {"death_sentence"}},
      {"torture and eviction from events",
       {},
       {event("torture_reported"), event("forced_eviction"), event("trial")},
       {},
       {"torture", "eviction"}},
      {"from Xinjiang", {}, {}, {person("xinjiang", {})}, {"minority", "xinjiang"}},
      {"Uyghur, living elsewhere",
       {},
       {},
       {person("beijing", text("维吾尔族"))},
       {"minority", "xinjiang"}},
      {"Tibetan, in English", {}, {}, {person("", text("", "Tibetan"))}, {"minority", "tibet"}},
      {"from Tibet", {}, {}, {person("tibet", {})}, {"minority", "tibet"}},
      {"Han is not a minority", {}, {}, {person("jilin", text("汉族", "Han"))}, {}},
      {"another minority", {}, {}, {person("guangxi", text("壮族", "Zhuang"))}, {"minority"}},
      {"the group ethnic_minority", {}, {}, {person("", {}, {"ethnic_minority"})}, {"minority"}},
      {"groups: faith, speech, work",
       {},
       {},
       {person("", {}, {"falun_gong_practitioner"}), person("", {}, {"blogger"}),
        person("", {}, {"migrant_worker"})},
       {"religion", "speech", "labour"}},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.what);
    EXPECT_EQ(needs_list(case_needs(row.c, row.events, row.persons)), row.needs);
  }
}

}  // namespace
}  // namespace jz::web
