#pragma once
// Plain handler functions, grouped in files named for what they serve.
#include "http/response.hpp"
#include "web/call.hpp"

namespace jz::web {

// plain_handlers.cpp: no store
http::Response language_redirect(Call&);
http::Response health(Call&);
http::Response static_file(Call&);

// pages
http::Response home_page(Call&);             // home_page.cpp
http::Response person_page(Call&);           // person_page.cpp
http::Response case_page(Call&);             // case_page.cpp
http::Response violations_page(Call&);       // violations_page.cpp
http::Response priorities_page(Call&);       // priority_pages.cpp
http::Response priorities_csv(Call&);        // priority_pages.cpp
http::Response opportunity_calendar(Call&);  // priority_pages.cpp
http::Response opportunity_page(Call&);      // priority_pages.cpp
http::Response opportunity_csv(Call&);       // priority_pages.cpp
http::Response opportunity_json(Call&);      // priority_pages.cpp
http::Response opportunity_pdf(Call&);       // priority_pages.cpp
http::Response shadow_report_page(Call&);    // shadow_report_pages.cpp
http::Response shadow_report_pdf(Call&);     // shadow_report_pages.cpp: A4 table
http::Response case_feed(Call&);             // feed_pages.cpp: Atom
http::Response violations_feed(Call&);       // feed_pages.cpp: Atom
http::Response site_feed(Call&);             // feed_pages.cpp: Atom, latest updates
http::Response topic_feed(Call&);            // feed_pages.cpp: Atom, a topic's records
http::Response facility_page(Call&);         // facility_page.cpp
http::Response organization_page(Call&);     // organization_page.cpp
http::Response topic_page(Call&);            // topic_pages.cpp
http::Response topic_index(Call&);           // topic_pages.cpp
http::Response source_page(Call&);           // source_pages.cpp
http::Response source_list(Call&);           // source_pages.cpp
http::Response treaty_hub(Call&);            // treaty_pages.cpp: UN and dialogues
http::Response treaty_page(Call&);           // treaty_pages.cpp
http::Response review_list(Call&);           // review_pages.cpp
http::Response review_calendar(Call&);       // review_pages.cpp: iCalendar
http::Response review_page(Call&);           // review_pages.cpp
http::Response recommendation_list(Call&);   // recommendation_pages.cpp
http::Response recommendation_page(Call&);   // recommendation_pages.cpp
http::Response person_list(Call&);           // list_pages.cpp
http::Response case_list(Call&);             // list_pages.cpp
http::Response facility_list(Call&);         // list_pages.cpp
http::Response organization_list(Call&);     // list_pages.cpp
http::Response links_page(Call&);            // content_pages.cpp
http::Response about_page(Call&);            // content_pages.cpp
http::Response mirrors_page(Call&);          // mirrors_page.cpp
http::Response search_page(Call&);           // search_page.cpp
http::Response lawyers_page(Call&);          // lawyer_pages.cpp
http::Response engagement_list(Call&);       // engagement_pages.cpp
http::Response engagement_page(Call&);       // engagement_pages.cpp: the scorecard
http::Response indicator_list(Call&);        // indicator_pages.cpp
http::Response indicator_page(Call&);        // indicator_pages.cpp

// login_pages.cpp: the team's login and logout
http::Response login_page(Call&);
http::Response login_submit(Call&);
http::Response logout(Call&);

// the workspace
http::Response workspace_home(Call&);     // workspace_home.cpp
http::Response audit_page(Call&);         // audit_page.cpp
http::Response new_record_form(Call&);    // draft_pages.cpp
http::Response new_record_submit(Call&);  // draft_pages.cpp
http::Response draft_page(Call&);         // draft_pages.cpp
http::Response draft_save(Call&);         // draft_pages.cpp
http::Response draft_review(Call&);       // draft_pages.cpp
http::Response draft_discard(Call&);      // draft_pages.cpp
http::Response team_record_list(Call&);   // team_record_pages.cpp
http::Response team_record_page(Call&);   // team_record_pages.cpp
http::Response team_record_edit(Call&);   // team_record_pages.cpp
http::Response record_history(Call&);     // team_record_pages.cpp
http::Response record_restore(Call&);     // team_record_pages.cpp
http::Response record_unpublish(Call&);   // team_record_pages.cpp
http::Response record_merge(Call&);       // team_record_pages.cpp
http::Response attach_file(Call&);        // file_pages.cpp
http::Response file_download(Call&);      // file_pages.cpp
http::Response duplicates_page(Call&);    // duplicates_page.cpp
http::Response case_partners(Call&);      // lawyer_pages.cpp

// read_api.cpp: JSON
http::Response api_openapi(Call&);
http::Response api_list(Call&);
http::Response api_record(Call&);
http::Response api_search(Call&);  // search_page.cpp

}  // namespace jz::web
