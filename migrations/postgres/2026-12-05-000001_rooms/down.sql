DROP TABLE room_notes;
DROP TABLE room_updates;
DROP TABLE room_members;
DROP TABLE room_problems;
DROP TABLE rooms;
