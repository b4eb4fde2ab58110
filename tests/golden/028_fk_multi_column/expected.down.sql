-- shale:down of 0000_after
-- shale:data-loss: drops table "membership_grants" and all its rows
-- shale:data-loss: drops table "memberships" and all its rows

ALTER TABLE "public"."membership_grants" DROP CONSTRAINT "grants_membership_fk";
--> statement-breakpoint
ALTER TABLE "public"."membership_grants" DROP CONSTRAINT "membership_grants_org_id_granted_by_fkey";
--> statement-breakpoint
DROP TABLE "public"."membership_grants";
--> statement-breakpoint
DROP TABLE "public"."memberships";
