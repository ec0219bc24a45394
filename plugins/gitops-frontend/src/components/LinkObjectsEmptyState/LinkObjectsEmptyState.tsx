import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import LinkOffIcon from '@material-ui/icons/LinkOff';
import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { GITOPS_OBJECTS_ANNOTATION, KUBERNETES_ID_ANNOTATION, KUBERNETES_ID_LABEL } from '@internal/plugin-gitops-common';

export interface LinkObjectsEmptyStateProps {
  /** The entity's name, used to make the snippet ready to paste. */
  entityName: string;
  /** True when the entity has an annotation but nothing matched it yet. */
  annotated: boolean;
}

function snippet(entityName: string): string {
  return `metadata:
  annotations:
    # Flux objects by id, comma separated: [cluster/]Kind/namespace/name
    ${GITOPS_OBJECTS_ANNOTATION}: staging/Kustomization/flux-system/${entityName}
    # and/or: every object labelled ${KUBERNETES_ID_LABEL}=${entityName}
    ${KUBERNETES_ID_ANNOTATION}: ${entityName}`;
}

/** Shown when no object is linked: says how to link one, with YAML to copy into catalog-info.yaml. */
export function LinkObjectsEmptyState(props: LinkObjectsEmptyStateProps) {
  const title = props.annotated
    ? 'No GitOps objects match this entity yet'
    : 'This entity is not linked to any GitOps objects';
  const description = props.annotated
    ? 'The entity names GitOps objects, but the platform has none of them (yet). Check the cluster, kind, namespace and name in the annotation, or the label on the objects.'
    : 'Add one of these annotations to the entity\u2019s catalog-info.yaml to see the status, revisions and history of the Flux objects that deliver it, and to sync, suspend or resume them from here.';
  return (
    <InfoCard
      title={
        <Box display="flex" alignItems="center" style={{ gap: 12 }}>
          <LinkOffIcon color="action" />
          {title}
        </Box>
      }
    >
      <Typography variant="body1" paragraph>
        {description}
      </Typography>
      <Typography variant="body2" component="ul" paragraph>
        <li>
          <code>{GITOPS_OBJECTS_ANNOTATION}</code> names objects by id; without a cluster segment, the portal&apos;s
          default cluster is meant.
        </li>
        <li>
          <code>{KUBERNETES_ID_ANNOTATION}</code> claims every object carrying the label{' '}
          <code>{KUBERNETES_ID_LABEL}</code> with the same value.
        </li>
      </Typography>
      <CodeSnippet language="yaml" text={snippet(props.entityName)} showCopyCodeButton />
    </InfoCard>
  );
}
