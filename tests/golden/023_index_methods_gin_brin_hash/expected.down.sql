-- shale:down of 0000_after
-- shale:data-loss: drops table "audit_log" and all its rows

DROP TABLE "public"."audit_log";
