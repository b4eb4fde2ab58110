-- shale:down of 0001_after
-- shale:data-loss: drops table "memberships" and all its rows

DROP TABLE "memberships";
