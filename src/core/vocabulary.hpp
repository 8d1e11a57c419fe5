#pragma once
// The closed lists of values a record field may take (kinds, statuses, event types ...).
// One table per field, so the decoder, the docs and later the UI share the same words.
#include <span>
#include <string_view>

namespace jz::vocab {

using List = std::span<const std::string_view>;

List kinds();
List visibilities();
List link_types();
List provinces();
List alias_systems();
List genders();
List person_groups();
List person_statuses();
List charge_laws();
List sentence_types();
List case_statuses();
List event_types();
List event_flags();
List opportunity_types();  // the event types that are opportunities to raise cases
List facility_types();
List organization_types();
List source_types();
List reliability_grades();
List lawyer_expertise();     // what a lawyer's practice covers
List lawyer_availability();  // whether a partner lawyer can take a case now
List treaty_types();
List review_bodies();            // "upr" and the treaty bodies
List rec_themes();               // UPR Info's issues as codes
List rec_responses();            // what the state answered to a recommendation
List implementation_statuses();  // how far a recommendation was carried out
List engagement_types();         // dialogue or programme
List commitment_statuses();
List indicator_dimensions();
List trend_values();

bool contains(List list, std::string_view value);
// "one of a, b, c" for error messages.
std::string describe(List list);

}  // namespace jz::vocab
