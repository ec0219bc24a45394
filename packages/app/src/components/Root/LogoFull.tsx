import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 30 },
  mark: { fill: '#7df3e1' },
  text: { fill: '#ffffff', fontFamily: 'Helvetica, Arial, sans-serif', fontWeight: 700, fontSize: 26 },
});

/** The portal's name next to its mark, for the open sidebar. */
const LogoFull = () => {
  const classes = useStyles();
  return (
    <svg className={classes.svg} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40" role="img" aria-label="GitOps Portal">
      <circle className={classes.mark} cx="8" cy="8" r="6" />
      <circle className={classes.mark} cx="8" cy="32" r="6" />
      <circle className={classes.mark} cx="30" cy="20" r="6" />
      <path className={classes.mark} d="M6 8h4v24H6zM10 18h16v4H10z" />
      <text className={classes.text} x="44" y="29">
        GitOps
      </text>
    </svg>
  );
};

export default LogoFull;
