-- shale:down of 0000_after
-- shale:data-loss: drops table "memberships" and all its rows

DROP TABLE "public"."memberships";
