-- shale:down of 0001_after
-- shale:data-loss: drops table "logs" and all its rows to create it again with another partitioning (PostgreSQL cannot change it in place)
-- shale:data-loss: drops table "readings" and all its rows to create it again with another partitioning (PostgreSQL cannot change it in place)

DROP TABLE "public"."logs";
--> statement-breakpoint
DROP TABLE "public"."readings";
--> statement-breakpoint
CREATE TABLE "public"."logs" (
	"id" bigint NOT NULL,
	"at" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public"."readings" (
	"sensor" integer NOT NULL,
	"taken_on" date NOT NULL
) PARTITION BY RANGE (taken_on);
--> statement-breakpoint
CREATE TABLE "public"."readings_2026" PARTITION OF "public"."readings" FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
--> statement-breakpoint
CREATE INDEX "readings_sensor_idx" ON "public"."readings" USING btree ("sensor");
