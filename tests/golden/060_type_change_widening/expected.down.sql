-- shale:down of 0001_after
-- shale:data-loss: changes column "stats"."hits" from bigint to integer, which may lose or refuse values
-- shale:data-loss: changes column "stats"."id" from bigint to integer, which may lose or refuse values
-- shale:data-loss: changes column "stats"."label" from varchar(200) to varchar(50), which may lose or refuse values
-- shale:data-loss: changes column "stats"."ratio" from double precision to real, which may lose or refuse values

ALTER TABLE "public"."stats" ALTER COLUMN "hits" SET DATA TYPE integer USING "hits"::integer;
--> statement-breakpoint
ALTER TABLE "public"."stats" ALTER COLUMN "id" SET DATA TYPE integer USING "id"::integer;
--> statement-breakpoint
ALTER TABLE "public"."stats" ALTER COLUMN "label" SET DATA TYPE varchar(50) USING "label"::varchar(50);
--> statement-breakpoint
ALTER TABLE "public"."stats" ALTER COLUMN "ratio" SET DATA TYPE real USING "ratio"::real;
