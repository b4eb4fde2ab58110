CREATE TABLE "public"."bookings" (
	"id" bigint NOT NULL,
	"room_id" bigint NOT NULL,
	"seats" integer NOT NULL,
	"during" tstzrange NOT NULL,
	CONSTRAINT "bookings_pkey" PRIMARY KEY ("id"),
	CONSTRAINT "bookings_seats_positive" CHECK (seats > 0),
	CONSTRAINT "bookings_during_excl" EXCLUDE USING gist (during WITH &&)
);
--> statement-breakpoint
CREATE TABLE "public"."rooms" (
	"id" bigint NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "rooms_pkey" PRIMARY KEY ("id"),
	CONSTRAINT "rooms_code_key" UNIQUE ("code")
);
--> statement-breakpoint
CREATE INDEX "bookings_room_id_seats_idx" ON "public"."bookings" USING btree ("room_id", "seats");
--> statement-breakpoint
ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE CASCADE;
--> statement-breakpoint
CREATE MATERIALIZED VIEW "public"."room_load" ("room_id", "n") AS
SELECT room_id, count(*) AS n FROM bookings GROUP BY room_id;
--> statement-breakpoint
CREATE UNIQUE INDEX "room_load_room_id_idx" ON "public"."room_load" USING btree ("room_id");
--> statement-breakpoint
COMMENT ON CONSTRAINT "bookings_during_excl" ON "public"."bookings" IS 'no two bookings overlap (any room: a demo)';
--> statement-breakpoint
COMMENT ON CONSTRAINT "bookings_room_id_fkey" ON "public"."bookings" IS 'a room''s bookings go with it';
--> statement-breakpoint
COMMENT ON CONSTRAINT "bookings_seats_positive" ON "public"."bookings" IS 'an empty booking is a cancelled one';
--> statement-breakpoint
COMMENT ON CONSTRAINT "rooms_code_key" ON "public"."rooms" IS 'codes are printed on the door';
--> statement-breakpoint
COMMENT ON CONSTRAINT "rooms_pkey" ON "public"."rooms" IS 'one row per bookable room';
--> statement-breakpoint
COMMENT ON INDEX "public"."bookings_room_id_seats_idx" IS 'for the room planner; it''s hot';
--> statement-breakpoint
COMMENT ON INDEX "public"."room_load_room_id_idx" IS 'lets REFRESH … CONCURRENTLY work';
