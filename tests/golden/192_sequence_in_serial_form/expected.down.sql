-- shale:down of 0000_after
-- shale:data-loss: drops table "invoices" and all its rows

DROP TABLE "public"."invoices";
