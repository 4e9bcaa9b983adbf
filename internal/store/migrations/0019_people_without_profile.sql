-- rolefit schema: people by whether they have a profile, so that counting
-- an organisation's earlier applicants (candidates without a profile,
-- store/earlier_applicants.go), which every people page does, visits only
-- its people without a profile rather than reading every person.
CREATE INDEX people_org_profile ON people (org_id, profile_response_id);
