-- shale:down of 0001_after
-- shale:data-loss: changes column "tickets"."id" from bigint to integer, which may lose or refuse values
-- shale:data-loss: changes column "tickets"."number" from bigint to integer, which may lose or refuse values

ALTER TABLE "public"."tickets" ALTER COLUMN "id" SET DATA TYPE integer USING "id"::integer;
--> statement-breakpoint
ALTER SEQUENCE "public"."tickets_id_seq" AS integer;
--> statement-breakpoint
ALTER TABLE "public"."tickets" ALTER COLUMN "number" SET DATA TYPE integer USING "number"::integer;
