"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type ChangeEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { DEFAULT_CASIE_TAGSET, type Tagset } from "@/lib/casie/tagset";
import type { ProjectResult } from "@/lib/projects/project-access";
import { removeAt, removeEntityType, removeRole, renameEntityType, renameRole, replaceAt, toggled } from "@/lib/projects/tagset-edits";
import type { TagsetImpact } from "@/lib/projects/tagset-impact";
import { readTagsetInput, readTagsetJson } from "@/lib/projects/tagset-input";
import { TagsetImpactSummary } from "./TagsetImpactSummary";
import { NameList, NameInput, CheckList } from "./TagsetInputs";
import styles from "./TagsetEditor.module.css";

interface Props {
  projectId: string;
  tagset: Tagset;
  /** The stored tagset's version: a save names it. */
  hash: string;
  readOnly: boolean;
  preview: (json: string) => Promise<ProjectResult<{ impact: TagsetImpact }>>;
  save: (json: string, baseHash: string) => Promise<ProjectResult<{ hash: string }>>;
}

/**
 * Edits a project's tagset as a draft: event types and their subtypes with
 * the roles each allows, roles with their usual entity types, entity types,
 * realis values and hopper relations. A change is saved only after its impact
 * on the project's annotations was shown ("Review changes").
 */
export function TagsetEditor({ projectId, tagset, hash, readOnly, preview, save }: Props) {
  const router = useRouter();
  const [saved, setSaved] = useState({ tagset, hash });
  const [draft, setDraft] = useState(tagset);
  const [impact, setImpact] = useState<TagsetImpact | null>(null);
  const [notice, setNotice] = useState<{ tone: "error" | "success" | "info"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const json = useMemo(() => JSON.stringify(draft), [draft]);
  const changed = json !== JSON.stringify(saved.tagset);
  const check = useMemo(() => readTagsetInput(draft), [draft]);

  const edit = (next: Tagset) => {
    setDraft(next);
    setImpact(null);
    setNotice(null);
  };
  const roleNames = draft.roles.map((role) => role.name);

  async function review() {
    setBusy(true);
    const result = await preview(json);
    setBusy(false);
    if (result.ok) setImpact(result.impact);
    else setNotice({ tone: "error", text: result.error });
  }

  async function commit() {
    setBusy(true);
    const result = await save(json, saved.hash);
    setBusy(false);
    if (!result.ok) {
      setNotice({ tone: "error", text: result.error });
      return;
    }
    setSaved({ tagset: draft, hash: result.hash });
    setImpact(null);
    setNotice({ tone: "success", text: "Tagset saved." });
    router.refresh();
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const read = readTagsetJson(await file.text());
    if (!read.ok) {
      setNotice({ tone: "error", text: `${file.name} is not a usable tagset: ${read.errors.join("; ")}` });
      return;
    }
    edit(read.tagset);
    setNotice({ tone: "info", text: `Loaded ${file.name}: review the changes, then save.` });
  }

  const eventTypes = draft.eventTypes;
  return (
    <div className={styles.editor}>
      <div className={styles.toolbar}>
        <a href={`/projects/${projectId}/tagset/tagset.json`} download>
          Export JSON
        </a>
        {!readOnly && (
          <>
            <label className={styles.fileButton}>
              Import JSON
              <input type="file" accept="application/json,.json" onChange={(event) => void importFile(event)} className={styles.fileInput} />
            </label>
            <Button
              onClick={() => {
                edit(structuredClone(DEFAULT_CASIE_TAGSET));
                setNotice({ tone: "info", text: "Loaded the CASIE tagset: review the changes, then save." });
              }}
            >
              Restore CASIE tagset
            </Button>
            <Button onClick={() => edit(saved.tagset)} disabled={!changed}>
              Discard changes
            </Button>
          </>
        )}
      </div>

      <fieldset disabled={readOnly || busy} className={styles.fields}>
        <section className={styles.section} aria-labelledby="event-types">
          <h2 id="event-types">Event types and subtypes</h2>
          {eventTypes.map((type, t) => {
            const setType = (next: typeof type) => edit({ ...draft, eventTypes: replaceAt(eventTypes, t, next) });
            return (
              <div key={t} className={styles.card} data-event-type={type.name}>
                <div className={styles.row}>
                  <NameInput label={`Event type ${t + 1}`} value={type.name} onChange={(name) => setType({ ...type, name })} />
                  <Button
                    size="compact"
                    variant="danger"
                    onClick={() => edit({ ...draft, eventTypes: removeAt(eventTypes, t) })}
                    aria-label={`Remove event type ${type.name}`}
                  >
                    Remove
                  </Button>
                </div>
                <ul className={styles.subtypes}>
                  {type.subtypes.map((subtype, s) => {
                    const setSubtype = (next: typeof subtype) => setType({ ...type, subtypes: replaceAt(type.subtypes, s, next) });
                    return (
                      <li key={s} data-subtype={subtype.name}>
                        <div className={styles.row}>
                          <NameInput
                            label={`Subtype ${s + 1} of ${type.name}`}
                            value={subtype.name}
                            onChange={(name) => setSubtype({ ...subtype, name })}
                          />
                          <Button
                            size="compact"
                            variant="danger"
                            onClick={() => setType({ ...type, subtypes: removeAt(type.subtypes, s) })}
                            aria-label={`Remove subtype ${type.name}/${subtype.name}`}
                          >
                            Remove
                          </Button>
                        </div>
                        <details>
                          <summary>
                            Roles allowed ({subtype.roles.length}): {subtype.roles.join(", ") || "none"}
                          </summary>
                          <CheckList
                            label={`Roles of ${type.name}/${subtype.name}`}
                            options={roleNames}
                            checked={subtype.roles}
                            onToggle={(role, on) => setSubtype({ ...subtype, roles: toggled(subtype.roles, role, on) })}
                          />
                        </details>
                      </li>
                    );
                  })}
                </ul>
                <Button size="compact" onClick={() => setType({ ...type, subtypes: [...type.subtypes, { name: "", roles: [] }] })}>
                  Add subtype to {type.name}
                </Button>
              </div>
            );
          })}
          <div>
            <Button onClick={() => edit({ ...draft, eventTypes: [...eventTypes, { name: "", subtypes: [{ name: "", roles: [] }] }] })}>
              Add event type
            </Button>
          </div>
        </section>

        <section className={styles.section} aria-labelledby="roles">
          <h2 id="roles">Roles and their usual entity types</h2>
          {draft.roles.map((role, r) => (
            <div key={r} className={styles.card} data-role={role.name}>
              <div className={styles.row}>
                <NameInput label={`Role ${r + 1}`} value={role.name} onChange={(name) => edit(renameRole(draft, r, name))} />
                <Button size="compact" variant="danger" onClick={() => edit(removeRole(draft, r))} aria-label={`Remove role ${role.name}`}>
                  Remove
                </Button>
              </div>
              <details>
                <summary>Usual entity types: {role.entityTypes.join(", ") || "none"}</summary>
                <CheckList
                  label={`Entity types of ${role.name}`}
                  options={draft.entityTypes}
                  checked={role.entityTypes}
                  onToggle={(type, on) =>
                    edit({ ...draft, roles: replaceAt(draft.roles, r, { ...role, entityTypes: toggled(role.entityTypes, type, on) }) })
                  }
                />
              </details>
            </div>
          ))}
          <div>
            <Button onClick={() => edit({ ...draft, roles: [...draft.roles, { name: "", entityTypes: [] }] })}>Add role</Button>
          </div>
        </section>

        <NameList
          title="Entity types"
          itemLabel="Entity type"
          names={draft.entityTypes}
          onRename={(i, name) => edit(renameEntityType(draft, i, name))}
          onRemove={(i) => edit(removeEntityType(draft, i))}
          onAdd={() => edit({ ...draft, entityTypes: [...draft.entityTypes, ""] })}
        />
        <NameList
          title="Realis values"
          itemLabel="Realis"
          names={draft.realis}
          onRename={(i, name) => edit({ ...draft, realis: replaceAt(draft.realis, i, name) })}
          onRemove={(i) => edit({ ...draft, realis: removeAt(draft.realis, i) })}
          onAdd={() => edit({ ...draft, realis: [...draft.realis, ""] })}
        />
        <NameList
          title="Hopper relations"
          itemLabel="Hopper relation"
          names={draft.hopperRelations}
          onRename={(i, name) => edit({ ...draft, hopperRelations: replaceAt(draft.hopperRelations, i, name) })}
          onRemove={(i) => edit({ ...draft, hopperRelations: removeAt(draft.hopperRelations, i) })}
          onAdd={() => edit({ ...draft, hopperRelations: [...draft.hopperRelations, ""] })}
        />
      </fieldset>

      {!readOnly && (
        <div className={styles.footer}>
          {!check.ok && (
            <Notice tone="error">
              The tagset cannot be saved yet:
              <ul>
                {check.errors.map((error) => (
                  <li key={error}>{error}</li>
                ))}
              </ul>
            </Notice>
          )}
          {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
          {impact && <TagsetImpactSummary impact={impact} />}
          <div className={styles.row}>
            <Button onClick={() => void review()} disabled={!changed || !check.ok || busy}>
              Review changes
            </Button>
            {impact && (
              <Button variant="primary" onClick={() => void commit()} disabled={busy}>
                Save tagset
              </Button>
            )}
            {!changed && <span className={styles.muted}>No unsaved changes.</span>}
          </div>
        </div>
      )}
    </div>
  );
}
