/** A dashed area that takes dropped files (it highlights while files are dragged over it). */
import { useState, type ReactNode } from 'react';

export function DropZone({ onDrop, children }: { onDrop: (files: File[]) => void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onDrop([...e.dataTransfer.files]);
      }}
    >
      {children}
    </div>
  );
}
