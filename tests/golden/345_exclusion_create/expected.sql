CREATE EXTENSION "btree_gist" WITH SCHEMA "public";
--> statement-breakpoint
CREATE TABLE "public"."bookings" (
	"id" bigint NOT NULL,
	"room" integer NOT NULL,
	"guest" bigint NOT NULL,
	"during" tstzrange NOT NULL,
	"cancelled" boolean NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "bookings_pkey" PRIMARY KEY ("id"),
	CONSTRAINT "bookings_guest_overlap" EXCLUDE USING gist (guest WITH =, during WITH &&) WHERE (NOT cancelled) DEFERRABLE INITIALLY DEFERRED,
	CONSTRAINT "bookings_lower_excl" EXCLUDE USING gist ((lower(code)) WITH =),
	CONSTRAINT "bookings_room_during_excl" EXCLUDE USING gist (room WITH =, during WITH &&)
);
