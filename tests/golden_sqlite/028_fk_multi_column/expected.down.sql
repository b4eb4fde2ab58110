-- shale:down of 0001_after
-- shale:data-loss: drops table "membership_grants" and all its rows
-- shale:data-loss: drops table "memberships" and all its rows

DROP TABLE "membership_grants";
--> statement-breakpoint
DROP TABLE "memberships";
