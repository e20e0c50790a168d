import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCityDateFormat } from "~/components/ideas/idea-timeline";
import type { AdminParticipants } from "~/modules/consultations/participation.server";

type Participant = AdminParticipants["participants"][number];

/** Everyone who joined, for the city's administrators: a table that scrolls sideways on small screens. */
export function ParticipantTable({ participants, timeZone }: { participants: Participant[]; timeZone: string }) {
  const { t } = useTranslation();
  const format = useCityDateFormat(timeZone);
  return (
    // Focusable so keyboard users can scroll it (axe: scrollable-region-focusable; a named region, as WAI advises).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="overflow-x-auto" role="region" aria-label={t("participation:admin.scrollLabel")} tabIndex={0}>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{t("participation:admin.tableCaption")}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="px-2 py-2">
              {t("participation:admin.columns.name")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("participation:admin.columns.kind")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("participation:admin.columns.role")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("participation:admin.columns.organization")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("participation:admin.columns.joinedAt")}
            </th>
          </tr>
        </thead>
        <tbody>
          {participants.map((participant) => (
            <tr key={participant.id} className="border-b border-slate-300">
              <th scope="row" className="px-2 py-2 font-medium">
                {participant.displayName ?? <span className="italic text-slate-700">{t("participation:admin.formerMember")}</span>}
              </th>
              <td className="px-2 py-2">{t(`participation:admin.kind.${participant.kind}`)}</td>
              <td className="px-2 py-2">{t(`participation:admin.role.${participant.role}`)}</td>
              <td className="px-2 py-2">
                {participant.organization ? <Link to={`/organizations/${participant.organization.slug}`}>{participant.organization.name}</Link> : null}
              </td>
              <td className="px-2 py-2">
                <time dateTime={participant.joinedAt}>{format(participant.joinedAt, "dateTime")}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
